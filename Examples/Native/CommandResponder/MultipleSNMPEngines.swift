// multiple-snmp-engines: two agents in one program, each with its own engine ID, ports, users and objects
// (e.g. a program that stands in for two devices).
//
// Net-SNMP: two snmpd processes with their own configuration and persistent directory.
import NIOCore
import SNMP

enum MultipleSNMPEngines: ResponderExample {
    static let name = "multiple-snmp-engines"
    static let group = ExampleGroup.cmdrsp
    static let summary = "several agents, each its own engine, in one program"

    static func run(_ peer: Peer) async throws {
        var agents: [SNMPAgent] = []
        for (number, name) in [(1, "alpha"), (2, "beta")] {
            var configuration = AgentConfiguration()
            configuration.listenAddresses = peer.listen.isEmpty ? ["udp:127.0.0.1:0"] : [peer.listen[number - 1]]
            configuration.engineID = OctetString([0x80, 0x00, 0x7f, 0x59, 0x04] + Array(name.utf8))
            configuration.communities = [AgentCommunity("public")]
            configuration.system.sysName = name
            agents.append(try await SNMPAgent.start(configuration: configuration))
        }
        var addresses: [SocketAddress] = []
        for agent in agents { addresses += try await agent.localAddresses() }
        try await peer.serve(on: addresses)
        for agent in agents { await agent.shutdown() }
    }

    /// Offline: a manager asks each agent for its sysName.0.
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws {
        for address in addresses {
            try await withSNMPClient(agent: ExampleFormat.address(address), version: .v2c(community: "public")) { client in
                print(client.describe(try await client.get("SNMPv2-MIB::sysName.0")))
            }
        }
    }
}
