// listen-on-ipv4-and-ipv6-interfaces: one agent listening on an IPv4 and an IPv6 address; requests are
// answered from the address they came to.
//
// Net-SNMP: snmpd udp:127.0.0.1:161,udp6:[::1]:161
import NIOCore
import SNMP

enum ListenOnIPv4AndIPv6Interfaces: ResponderExample {
    static let name = "listen-on-ipv4-and-ipv6-interfaces"
    static let group = ExampleGroup.cmdrsp
    static let summary = "an agent on UDP/IPv4 and UDP/IPv6 at once"

    static func run(_ peer: Peer) async throws {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = peer.listen(or: ["udp:127.0.0.1:0", "udp6:[::1]:0"])
        configuration.communities = [AgentCommunity("public")]
        let agent = try await SNMPAgent.start(configuration: configuration)
        try await peer.serve(on: agent.localAddresses())
        await agent.shutdown()
    }

    /// Offline: a manager asks over each address.
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws {
        for address in addresses {
            try await withSNMPClient(agent: ExampleFormat.address(address), version: .v2c(community: "public")) { client in
                let answer = try await client.get("SNMPv2-MIB::sysUpTime.0")
                print("over \(address.protocol == .inet6 ? "IPv6" : "IPv4"): " + client.describe(answer))
            }
        }
    }
}
