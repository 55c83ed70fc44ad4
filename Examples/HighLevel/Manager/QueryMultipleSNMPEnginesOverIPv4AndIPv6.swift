// query-multiple-snmp-engines-over-ipv4-and-ipv6: two SNMP engines in one program, each with its own
// engine ID, sockets, USM user table and request table, used side by side.
//
// Net-SNMP: two snmpget processes, each with its own persistent state.
import SNMP

enum QueryMultipleSNMPEnginesOverIPv4AndIPv6: ManagerExample {
    static let name = "query-multiple-snmp-engines-over-ipv4-and-ipv6"
    static let group = ExampleGroup.manager
    static let summary = "several independent engines in one program"

    static func run(_ peer: Peer) async throws {
        let first = try await SNMPEngine.start()
        let second = try await SNMPEngine.start()
        print("two engines: \(first.engineID != second.engineID ? "distinct" : "same") engine IDs")
        for (engine, agent) in [(first, peer.agent), (second, peer.agent6)] {
            let client = try await SNMPClient(agent: agent, version: .v2c(community: peer.community), engine: engine)
            print(client.describe(try await client.get("SNMPv2-MIB::sysName.0")))
        }
        await first.shutdown()
        await second.shutdown()
    }
}
