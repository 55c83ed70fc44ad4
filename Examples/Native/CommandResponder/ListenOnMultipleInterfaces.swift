// listen-on-multiple-interfaces: one agent, one engine, several sockets: one per interface address (here
// two ports on loopback; on a host, e.g. the management and the service network's addresses).
//
// Net-SNMP: snmpd udp:192.0.2.10:161,udp:198.51.100.10:161
import NIOCore
import SNMP

enum ListenOnMultipleInterfaces: ResponderExample {
    static let name = "listen-on-multiple-interfaces"
    static let group = ExampleGroup.cmdrsp
    static let summary = "an agent on several addresses and ports"

    static func run(_ peer: Peer) async throws {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = peer.listen(or: ["udp:127.0.0.1:0", "udp:127.0.0.1:0"])
        configuration.communities = [AgentCommunity("public")]
        let agent = try await SNMPAgent.start(configuration: configuration)
        try await peer.serve(on: agent.localAddresses())
        await agent.shutdown()
    }

    /// Offline: a manager asks on each socket.
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws {
        for address in addresses {
            try await withSNMPClient(agent: ExampleFormat.address(address), version: .v2c(community: "public")) { client in
                print("\(ExampleFormat.address(address)): " + client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
            }
        }
    }
}
