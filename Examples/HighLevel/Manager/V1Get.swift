// v1-get: an SNMPv1 GET of a scalar, named by its MIB module and object.
//
// Net-SNMP: snmpget -v1 -c public HOST:161 SNMPv2-MIB::sysDescr.0
// In SNMPv1 a missing object fails the whole request: `get` throws SNMPError with error-status noSuchName.
import SNMP

enum V1Get: ManagerExample {
    static let name = "v1-get"
    static let group = ExampleGroup.manager
    static let summary = "SNMPv1 GET of a scalar by MIB name"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent, version: .v1(community: peer.community)) { client in
            let varBind = try await client.get("SNMPv2-MIB", "sysDescr", 0)    // module, object, index
            print(client.describe(varBind))
        }
    }
}
