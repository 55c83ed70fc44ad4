// custom-asn1-mib-search-path: MIB modules (ASN.1 text) read from a folder of your own, searched before
// Net-SNMP's places and the bundled modules. The example writes a small module there first.
//
// Net-SNMP: snmpget -v2c -c public -M +DIR -m +SWIFT-SNMP-EXAMPLE-MIB HOST:161 SWIFT-SNMP-EXAMPLE-MIB::playpenInteger.0
import SNMP

enum CustomASN1MIBSearchPath: ManagerExample {
    static let name = "custom-asn1-mib-search-path"
    static let group = ExampleGroup.manager
    static let summary = "MIB modules from your own folder, before the standard ones"

    static func run(_ peer: Peer) async throws {
        let folder = try ExampleMIB.writeModule()
        let store = MIBStore(searchPath: MIBSearchPath.directories(option: "+" + folder), cacheDirectory: nil)
        var configuration = SNMPClient.Configuration()
        configuration.mibStore = store
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.community),
                                 configuration: configuration) { client in
            print(client.describe(try await client.get("SWIFT-SNMP-EXAMPLE-MIB::playpenInteger.0")))
        }
    }
}
