// getbulk-fetch-scalar-and-table-variables-over-ipv6: one GETBULK over UDP/IPv6 whose first two varbinds
// are scalars (non-repeaters: one successor each) and whose last two are table columns (up to
// max-repetitions rows each).
//
// Net-SNMP: snmpbulkget -v2c -c public -Cn2 -Cr4 udp6:[::1]:161 SNMPv2-MIB::sysName SNMPv2-MIB::sysUpTime IF-MIB::ifDescr IF-MIB::ifType
import SNMP

enum GetBulkFetchScalarAndTableVariablesOverIPv6: ManagerExample {
    static let name = "getbulk-fetch-scalar-and-table-variables-over-ipv6"
    static let group = ExampleGroup.manager
    static let summary = "GETBULK of scalars (non-repeaters) and columns over IPv6"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent6, version: .v2c(community: peer.community)) { client in
            let oids = try ["SNMPv2-MIB::sysName", "SNMPv2-MIB::sysUpTime", "IF-MIB::ifDescr", "IF-MIB::ifType"]
                .map { try client.oid(for: $0) }
            for varBind in try await client.getBulk(oids, nonRepeaters: 2, maxRepetitions: 4) {
                print(client.describe(varBind))
            }
        }
    }
}
