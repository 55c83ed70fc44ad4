// waive-mib-lookup: numeric OIDs in, raw OIDs and values out: no MIB module is read.
//
// Net-SNMP: snmpwalk -v2c -c public -On -m '' HOST:161 .1.3.6.1.2.1.1
import SNMP

enum WaiveMIBLookup: ManagerExample {
    static let name = "waive-mib-lookup"
    static let group = ExampleGroup.manager
    static let summary = "walk without MIB resolution (raw OIDs and values)"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.community)) { client in
            for try await varBind in client.walk(ObjectIdentifier("1.3.6.1.2.1.1")) {
                print("\(varBind.oid) = \(varBind.value)")
            }
        }
    }
}
