// multiple-snmp-communities: one agent, three communities: read-only, read-write, and read-only limited
// to the interfaces group.
//
// Net-SNMP: snmpd.conf
//   rocommunity public
//   rwcommunity private
//   rocommunity ifonly default .1.3.6.1.2.1.2
import NIOCore
import SNMP
import SNMPAccessControl

enum MultipleSNMPCommunities: ResponderExample {
    static let name = "multiple-snmp-communities"
    static let group = ExampleGroup.cmdrsp
    static let summary = "several communities with different rights and views"

    static func run(_ peer: Peer) async throws {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = peer.listen(or: ["udp:127.0.0.1:0"])
        configuration.vacm.add(try VACMView.included("interfaces", subtrees: ["1.3.6.1.2.1.2"]))
        configuration.communities = [
            AgentCommunity("public"),
            AgentCommunity("private", access: .readWrite),
            AgentCommunity("ifonly", view: "interfaces"),
        ]
        let agent = try await SNMPAgent.start(configuration: configuration)
        try await peer.serve(on: agent.localAddresses())
        await agent.shutdown()
    }

    /// Offline: each community reads sysDescr.0 and ifNumber.0.
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws {
        for community in ["public", "private", "ifonly"] {
            try await withSNMPClient(agent: ExampleFormat.first(addresses), version: .v2c(community: community)) { client in
                for varBind in try await client.get(["SNMPv2-MIB::sysDescr.0", "IF-MIB::ifNumber.0"]) {
                    print("\(community): " + client.describe(varBind))
                }
            }
        }
    }
}
