// multiple-traps-at-once: several traps from concurrent tasks through one notifier (one socket).
//
// Net-SNMP: snmptrap -v2c -c public HOST:162 '' SNMPv2-MIB::coldStart & snmptrap ... SNMPv2-MIB::warmStart & ...
import SNMP

enum MultipleTrapsAtOnce: OriginatorExample {
    static let name = "multiple-traps-at-once"
    static let group = ExampleGroup.notification
    static let summary = "many traps sent at once"
    static let notificationCount = 3

    static func run(_ peer: Peer) async throws {
        try await withSNMPNotifier(agent: peer.agent, version: .v2c(community: peer.community)) { notifier in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for trap in [ObjectIdentifier.coldStart, .warmStart, .authenticationFailure] {
                    group.addTask { try await notifier.sendTrap(trap) }
                }
                try await group.waitForAll()
            }
            print("sent 3 traps at once to \(peer.agent)")
        }
    }
}
