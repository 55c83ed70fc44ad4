// getbulk-limit-number-of-variables: a GETBULK walk cut short after 8 variables.
//
// Net-SNMP: snmpbulkwalk -v2c -c public -Cr4 HOST:161 SNMPv2-MIB::system | head -8
import SNMP

enum GetBulkLimitNumberOfVariables: ManagerExample {
    static let name = "getbulk-limit-number-of-variables"
    static let group = ExampleGroup.manager
    static let summary = "GETBULK walk that stops after a number of variables"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.community)) { client in
            var count = 0
            for try await varBind in client.bulkWalk("SNMPv2-MIB::system", maxRepetitions: 4) {
                print(client.describe(varBind))
                count += 1
                if count == 8 { break }
            }
        }
    }
}
