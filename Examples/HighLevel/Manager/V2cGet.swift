// v2c-get: an SNMPv2c GET of sysDescr.0, the first thing a manager does.
//
// Net-SNMP: snmpget -v2c -c public HOST:161 SNMPv2-MIB::sysDescr.0
// The name resolves with the MIB modules bundled with the package, so no MIB files need be installed.
import SNMP

enum V2cGet: ManagerExample {
    static let name = "v2c-get"
    static let group = ExampleGroup.manager
    static let summary = "SNMPv2c GET of sysDescr.0 (the first example a user sees)"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.community)) { client in
            let sysDescr = try await client.get("SNMPv2-MIB::sysDescr.0")
            print(client.describe(sysDescr))    // SNMPv2-MIB::sysDescr.0 = STRING: ...
        }
    }
}
