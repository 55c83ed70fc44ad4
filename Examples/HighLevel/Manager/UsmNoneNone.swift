// usm-none-none: an SNMPv3 GET with no authentication and no privacy (noAuthNoPriv).
//
// Net-SNMP: snmpget -v3 -l noAuthNoPriv -u usr-none-none HOST:161 SNMPv2-MIB::sysDescr.0
import SNMP

enum UsmNoneNone: ManagerExample {
    static let name = "usm-none-none"
    static let group = ExampleGroup.manager
    static let summary = "SNMPv3 GET at noAuthNoPriv"

    static func run(_ peer: Peer) async throws {
        let version = SNMPClient.Version.v3(user: peer.user("usr-none-none"))
        try await withSNMPClient(agent: peer.agent, version: version) { client in
            print(client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
        }
    }
}
