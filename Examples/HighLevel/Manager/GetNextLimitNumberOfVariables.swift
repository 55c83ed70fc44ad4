// getnext-limit-number-of-variables: a GETNEXT walk cut short: the sequence stops when the loop does.
//
// Net-SNMP: snmpwalk -v2c -c public HOST:161 IF-MIB::ifTable | head -5
import SNMP

enum GetNextLimitNumberOfVariables: ManagerExample {
    static let name = "getnext-limit-number-of-variables"
    static let group = ExampleGroup.manager
    static let summary = "GETNEXT walk that stops after a number of variables"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.community)) { client in
            var count = 0
            for try await varBind in client.walk("IF-MIB::ifTable") {
                print(client.describe(varBind))
                count += 1
                if count == 5 { break }    // no further request is sent
            }
        }
    }
}
