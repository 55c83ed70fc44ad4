// query-agents-from-multiple-threads-over-ipv4-and-ipv6: one client is Sendable; any number of tasks (on
// any threads) use it at once. Here 16 tasks, half over IPv4 and half over IPv6.
//
// Net-SNMP: its library needs one session per thread (snmp_sess_*); here nothing of the kind is needed.
import SNMP

enum QueryAgentsFromMultipleThreadsOverIPv4AndIPv6: ManagerExample {
    static let name = "query-agents-from-multiple-threads-over-ipv4-and-ipv6"
    static let group = ExampleGroup.manager
    static let summary = "one engine used safely from many concurrent tasks"

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let ipv4 = try await SNMPClient(agent: peer.agent, version: .v2c(community: peer.community), engine: engine)
        let ipv6 = try await SNMPClient(agent: peer.agent6, version: .v2c(community: peer.community), engine: engine)
        let answered = try await withThrowingTaskGroup(of: Bool.self) { group in
            for task in 0..<16 {
                let client = task.isMultiple(of: 2) ? ipv4 : ipv6
                group.addTask { try await client.get("SNMPv2-MIB::sysUpTime.0").value.isException == false }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        print("\(answered) of 16 concurrent tasks got sysUpTime.0")
        await engine.shutdown()
    }
}
