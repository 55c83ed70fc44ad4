// v2c-getbulk: one GETBULK request: the first OID (non-repeaters 1) gets one successor, the others up to
// max-repetitions (here 3) each, interleaved row by row (RFC 3416 §4.2.3).
//
// Net-SNMP: snmpbulkget -v2c -c public -Cn1 -Cr3 HOST:161 SNMPv2-MIB::sysDescr IF-MIB::ifDescr IF-MIB::ifType
import SNMP

enum V2cGetBulk: ManagerExample {
    static let name = "v2c-getbulk"
    static let group = ExampleGroup.manager
    static let summary = "one GETBULK with non-repeaters and max-repetitions"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.community)) { client in
            let oids = try ["SNMPv2-MIB::sysDescr", "IF-MIB::ifDescr", "IF-MIB::ifType"].map { try client.oid(for: $0) }
            for varBind in try await client.getBulk(oids, nonRepeaters: 1, maxRepetitions: 3) {
                print(client.describe(varBind))
            }
        }
    }
}
