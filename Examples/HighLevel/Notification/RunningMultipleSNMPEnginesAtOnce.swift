// running-multiple-snmp-engines-at-once: two notifiers, each with its own engine (engine ID, sockets),
// sending at the same time: e.g. a program that speaks for two devices.
//
// Net-SNMP: two snmptrap processes with different -e engine IDs.
import SNMP

enum RunningMultipleSNMPEnginesAtOnce: OriginatorExample {
    static let name = "running-multiple-snmp-engines-at-once"
    static let group = ExampleGroup.notification
    static let summary = "notifications from several engines in one program"
    static let notificationCount = 2

    static func run(_ peer: Peer) async throws {
        var first = SNMPNotifier.Configuration()
        first.engineID = try OctetString(hexBytes("80001f8880aabbccdd00000003"))
        var second = SNMPNotifier.Configuration()
        second.engineID = try OctetString(hexBytes("80001f8880aabbccdd00000004"))
        let version = SNMPNotifier.Version.v3(user: peer.user("usr-sha-aes128"), auth: .sha(peer.authKey), priv: .aes128(peer.privKey))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for configuration in [first, second] {
                group.addTask {
                    try await withSNMPNotifier(agent: peer.agent, version: version, configuration: configuration) { notifier in
                        _ = try await notifier.sendInform(.coldStart)
                    } as Void
                }
            }
            try await group.waitForAll()
        }
        print("two engines each sent an acknowledged SNMPv3 inform")
    }
}
