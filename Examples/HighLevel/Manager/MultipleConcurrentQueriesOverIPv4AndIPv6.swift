// multiple-concurrent-queries-over-ipv4-and-ipv6: two clients sharing one engine (one set of sockets),
// one over IPv4 and one over IPv6, with all their requests in flight at once; responses are matched by
// request-id.
//
// Net-SNMP: snmpget -v2c -c public HOST:161 SNMPv2-MIB::sysName.0 & snmpget -v2c -c public udp6:[::1]:161 SNMPv2-MIB::sysName.0 & wait
import SNMP

enum MultipleConcurrentQueriesOverIPv4AndIPv6: ManagerExample {
    static let name = "multiple-concurrent-queries-over-ipv4-and-ipv6"
    static let group = ExampleGroup.manager
    static let summary = "many queries in flight at once over both IP versions"

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let ipv4 = try await SNMPClient(agent: peer.agent, version: .v2c(community: peer.community), engine: engine)
        let ipv6 = try await SNMPClient(agent: peer.agent6, version: .v2c(community: peer.community), engine: engine)
        let names = ["SNMPv2-MIB::sysName.0", "SNMPv2-MIB::sysLocation.0", "SNMPv2-MIB::sysContact.0"]
        let lines = try await withThrowingTaskGroup(of: String.self) { group in
            for client in [ipv4, ipv6] {
                for name in names {
                    group.addTask { "\(client.target.address.protocol == .inet6 ? "IPv6" : "IPv4") " + client.describe(try await client.get(name)) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for line in lines.sorted() { print(line) }
        await engine.shutdown()
    }
}
