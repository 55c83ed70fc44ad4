// custom-pysnmp-mibs-search-path: PySNMP keeps MIBs compiled to Python in a search path; swift-snmp parses
// the ASN.1 text and caches the compiled tree, by default in ~/.cache/swift-snmp. This example puts that
// cache in a folder of its own: the second store reads the compiled tree instead of parsing.
//
// Net-SNMP has no compiled form; its nearest is the index it keeps in ~/.snmp/mib_indexes.
import SNMP

enum CustomPySNMPMIBsSearchPath: ManagerExample {
    static let name = "custom-pysnmp-mibs-search-path"
    static let group = ExampleGroup.manager
    static let summary = "where the compiled MIB trees are cached"

    static func run(_ peer: Peer) async throws {
        let cache = try ExampleMIB.temporaryFolder("compiled-mibs")
        for run in 1...2 {
            let store = MIBStore(searchPath: MIBSearchPath.directories(), cacheDirectory: cache)
            _ = try store.load("IF-MIB")
            var configuration = SNMPClient.Configuration()
            configuration.mibStore = store
            try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.community),
                                     configuration: configuration) { client in
                print("store \(run): " + client.describe(try await client.get("IF-MIB::ifNumber.0")))
            }
        }
    }
}
