// fetch-variables-over-ipv6: the same GET over UDP/IPv6; the address syntax is Net-SNMP's.
//
// Net-SNMP: snmpget -v2c -c public udp6:[::1]:161 SNMPv2-MIB::sysDescr.0 SNMPv2-MIB::sysName.0
import SNMP

enum FetchVariablesOverIPv6: ManagerExample {
    static let name = "fetch-variables-over-ipv6"
    static let group = ExampleGroup.manager
    static let summary = "GET over UDP/IPv6"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent6, version: .v2c(community: peer.community)) { client in
            for varBind in try await client.get(["SNMPv2-MIB::sysDescr.0", "SNMPv2-MIB::sysName.0"]) {
                print(client.describe(varBind))
            }
        }
    }
}
