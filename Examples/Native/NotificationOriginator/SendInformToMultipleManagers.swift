// send-inform-to-multiple-managers (native API): inform targets; the call returns when every target
// acknowledged (or timed out), with one outcome per target.
//
// Net-SNMP: snmpd.conf `informsink HOST1 public` and `informsink HOST2 public`
import SNMP

enum SendInformToMultipleManagers: OriginatorExample {
    static let name = "send-inform-to-multiple-managers"
    static let group = ExampleGroup.ntforg
    static let summary = "one inform to every target with a tag, each acknowledged"
    static let notificationCount = 2

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let targets = [
            NotificationTarget(name: "nms-ipv4", target: try SNMPTarget(agent: peer.agent, defaultPort: 162,
                                                                         security: .community(.v2c, OctetString(peer.community))),
                               tags: ["ops"], kind: .inform),
            NotificationTarget(name: "nms-ipv6", target: try SNMPTarget(agent: peer.agent6, defaultPort: 162,
                                                                         security: .community(.v2c, OctetString(peer.community))),
                               tags: ["ops"], kind: .inform),
        ]
        let outcomes = await engine.notificationOriginator.notify(SNMPNotification(.linkUp, upTime: 100), targets: targets, tag: "ops")
        for outcome in outcomes.sorted(by: { $0.targetName < $1.targetName }) {
            print("\(outcome.targetName): \(outcome.error.map { "\($0)" } ?? "acknowledged")")
        }
        await engine.shutdown()
    }
}
