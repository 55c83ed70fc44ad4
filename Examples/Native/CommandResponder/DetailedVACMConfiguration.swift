// detailed-vacm-configuration: VACM (RFC 3415) entry by entry: a view of the system group only, a group
// for the community "monitor" in both v1 and v2c, and the access entry that joins them.
//
// Net-SNMP: snmpd.conf
//   com2sec monitorSec default monitor
//   group monitors v1 monitorSec
//   group monitors v2c monitorSec
//   view systemOnly included .1.3.6.1.2.1.1
//   access monitors "" any noauth exact systemOnly none none
import NIOCore
import SNMP
import SNMPAccessControl

enum DetailedVACMConfiguration: ResponderExample {
    static let name = "detailed-vacm-configuration"
    static let group = ExampleGroup.cmdrsp
    static let summary = "views, groups and access entries spelled out"

    static func run(_ peer: Peer) async throws {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = peer.listen(or: ["udp:127.0.0.1:0"])
        configuration.vacm.add(try VACMView("systemOnly", families: [VACMViewTreeFamily(subtree: "1.3.6.1.2.1.1")]))
        configuration.vacm.add(VACMGroup(securityModel: .v1, securityName: "monitor", groupName: "monitors"))
        configuration.vacm.add(VACMGroup(securityModel: .v2c, securityName: "monitor", groupName: "monitors"))
        configuration.vacm.add(VACMAccess(groupName: "monitors", contextPrefix: "", contextMatch: .exact,
                                          securityModel: .any, securityLevel: .noAuthNoPriv,
                                          readView: "systemOnly", writeView: "", notifyView: ""))
        // The community itself (its security name is "monitor"); its view is the one above.
        configuration.communities = [AgentCommunity("monitor", view: "systemOnly")]
        let agent = try await SNMPAgent.start(configuration: configuration)
        try await peer.serve(on: agent.localAddresses())
        await agent.shutdown()
    }

    /// Offline: "monitor" reads sysDescr.0 but not ifNumber.0, which is outside its view.
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws {
        try await withSNMPClient(agent: ExampleFormat.first(addresses), version: .v2c(community: "monitor")) { client in
            for varBind in try await client.get(["SNMPv2-MIB::sysDescr.0", "IF-MIB::ifNumber.0"]) {
                print(client.describe(varBind))
            }
        }
    }
}
