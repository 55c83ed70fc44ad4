// multiple-get-calls: one client (one engine, one socket) used for several requests in a row.
//
// Net-SNMP: snmpget -v2c -c public HOST:161 SNMPv2-MIB::sysName.0   (then sysLocation.0, sysContact.0)
import SNMP

enum MultipleGetCalls: ManagerExample {
    static let name = "multiple-get-calls"
    static let group = ExampleGroup.manager
    static let summary = "several GETs in sequence on one client"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.community)) { client in
            for name in ["SNMPv2-MIB::sysName.0", "SNMPv2-MIB::sysLocation.0", "SNMPv2-MIB::sysContact.0"] {
                print(client.describe(try await client.get(name)))
            }
        }
    }
}
