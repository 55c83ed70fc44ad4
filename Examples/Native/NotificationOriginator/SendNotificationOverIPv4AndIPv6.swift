// send-notification-over-ipv4-and-ipv6 (native API): one engine sends over both address families; each
// target's address decides which socket is used.
//
// Net-SNMP: snmptrap -v2c -c public udp:HOST:162 '' SNMPv2-MIB::warmStart; snmptrap -v2c -c public udp6:[::1]:162 ...
import SNMP

enum SendNotificationOverIPv4AndIPv6: OriginatorExample {
    static let name = "send-notification-over-ipv4-and-ipv6"
    static let group = ExampleGroup.ntforg
    static let summary = "the same trap to an IPv4 and an IPv6 receiver"
    static let notificationCount = 2

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        for agent in [peer.agent, peer.agent6] {
            let target = try SNMPTarget(agent: agent, defaultPort: 162, security: .community(.v2c, OctetString(peer.community)))
            try engine.notificationOriginator.sendTrap(SNMPNotification(.warmStart, upTime: 100), to: target)
            print("sent to \(agent)")
        }
        await engine.shutdown()
    }
}
