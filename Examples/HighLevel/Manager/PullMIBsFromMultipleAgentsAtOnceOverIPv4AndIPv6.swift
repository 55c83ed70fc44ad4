// pull-mibs-from-multiple-agents-at-once-over-ipv4-and-ipv6: several walks running at the same time, each
// against its own agent (here the same agent over IPv4 and over IPv6, with two credentials).
//
// Net-SNMP: snmpwalk -v2c -c public HOST:161 SNMPv2-MIB::system & snmpwalk -v3 ... udp6:[::1]:161 SNMPv2-MIB::system & wait
import SNMP

enum PullMIBsFromMultipleAgentsAtOnceOverIPv4AndIPv6: ManagerExample {
    static let name = "pull-mibs-from-multiple-agents-at-once-over-ipv4-and-ipv6"
    static let group = ExampleGroup.manager
    static let summary = "concurrent walks of several agents"

    static func run(_ peer: Peer) async throws {
        let agents: [(String, SNMPClient.Version)] = [
            (peer.agent, .v2c(community: peer.community)),
            (peer.agent6, .v3(user: peer.user("usr-sha-aes128"), auth: .sha(peer.authKey), priv: .aes128(peer.privKey))),
        ]
        let counts = try await withThrowingTaskGroup(of: (String, Int).self) { group in
            for (agent, version) in agents {
                group.addTask {
                    try await withSNMPClient(agent: agent, version: version) { client in
                        var count = 0
                        for try await _ in client.bulkWalk("SNMPv2-MIB::system") { count += 1 }
                        return (agent.hasPrefix("udp6") ? "IPv6 agent" : "IPv4 agent", count)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for (agent, count) in counts.sorted(by: { $0.0 < $1.0 }) { print("\(agent): \(count) objects under system") }
    }
}
