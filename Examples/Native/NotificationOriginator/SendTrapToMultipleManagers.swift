// send-trap-to-multiple-managers (native API): notification targets (SNMP-NOTIFICATION-MIB's
// snmpNotifyTable with tags) and one call that sends to every target carrying the tag.
//
// Net-SNMP: snmpd.conf `trap2sink HOST1 public` and `trap2sink HOST2 public`
import SNMP

enum SendTrapToMultipleManagers: OriginatorExample {
    static let name = "send-trap-to-multiple-managers"
    static let group = ExampleGroup.ntforg
    static let summary = "one trap to every target with a tag"
    static let notificationCount = 2

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let targets = [
            NotificationTarget(name: "nms-ipv4", target: try SNMPTarget(agent: peer.agent, defaultPort: 162,
                                                                         security: .community(.v2c, OctetString(peer.community))),
                               tags: ["ops"], kind: .trap),
            NotificationTarget(name: "nms-ipv6", target: try SNMPTarget(agent: peer.agent6, defaultPort: 162,
                                                                         security: .community(.v2c, OctetString(peer.community))),
                               tags: ["ops"], kind: .trap),
        ]
        let outcomes = await engine.notificationOriginator.notify(SNMPNotification(.linkDown, upTime: 100), targets: targets, tag: "ops")
        for outcome in outcomes { print("\(outcome.targetName): \(outcome.error.map { "\($0)" } ?? "sent")") }
        await engine.shutdown()
    }
}
