// listening-on-virtual-network-interface: an agent bound to the address of one interface only, such as
// a VLAN, a macvlan or an alias address, so it answers there and nowhere else. Pass that address with
// --listen; offline the example uses the loopback interface.
//
// Net-SNMP: snmpd udp:10.0.42.1:161   (the address of e.g. eth0.42)
import NIOCore
import SNMP

enum ListeningOnVirtualNetworkInterface: ResponderExample {
    static let name = "listening-on-virtual-network-interface"
    static let group = ExampleGroup.cmdrsp
    static let summary = "an agent bound to one (virtual) interface's address"

    static func run(_ peer: Peer) async throws {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = peer.listen(or: ["udp:127.0.0.1:0"])
        configuration.communities = [AgentCommunity("public")]
        let agent = try await SNMPAgent.start(configuration: configuration)
        try await peer.serve(on: agent.localAddresses())
        await agent.shutdown()
    }

    /// Offline: a manager asks on the bound address.
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws {
        try await withSNMPClient(agent: ExampleFormat.first(addresses), version: .v2c(community: "public")) { client in
            print(client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
        }
    }
}
