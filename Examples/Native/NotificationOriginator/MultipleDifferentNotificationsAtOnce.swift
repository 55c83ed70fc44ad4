// multiple-different-notifications-at-once (native API): three informs of different types in flight
// together from one engine.
//
// Net-SNMP: snmpinform ... SNMPv2-MIB::coldStart & snmpinform ... IF-MIB::linkUp & snmpinform ... IF-MIB::linkDown &
import SNMP

enum MultipleDifferentNotificationsAtOnce: OriginatorExample {
    static let name = "multiple-different-notifications-at-once"
    static let group = ExampleGroup.ntforg
    static let summary = "several notification types in one go"
    static let notificationCount = 3

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, defaultPort: 162, security: .community(.v2c, OctetString(peer.community)))
        let originator = engine.notificationOriginator
        try await withThrowingTaskGroup(of: Void.self) { group in
            for trapOID in [ObjectIdentifier.coldStart, .linkUp, .linkDown] {
                group.addTask { _ = try await originator.sendInform(SNMPNotification(trapOID, upTime: 100), to: target) }
            }
            try await group.waitForAll()
        }
        print("3 different informs acknowledged")
        await engine.shutdown()
    }
}
