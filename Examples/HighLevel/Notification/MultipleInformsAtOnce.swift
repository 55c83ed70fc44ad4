// multiple-informs-at-once: several informs in flight together; each is matched to its acknowledgement by
// request-id and retransmitted on its own timer.
//
// Net-SNMP: snmpinform -v2c -c public HOST:162 '' SNMPv2-MIB::coldStart & snmpinform ... & ...
import SNMP

enum MultipleInformsAtOnce: OriginatorExample {
    static let name = "multiple-informs-at-once"
    static let group = ExampleGroup.notification
    static let summary = "many informs in flight at once"
    static let notificationCount = 3

    static func run(_ peer: Peer) async throws {
        try await withSNMPNotifier(agent: peer.agent, version: .v2c(community: peer.community)) { notifier in
            let acknowledged = try await withThrowingTaskGroup(of: Int.self) { group in
                for (index, inform) in [ObjectIdentifier.coldStart, .warmStart, .linkUp].enumerated() {
                    group.addTask {
                        try await notifier.sendInform(inform, varBinds: [VarBind("1.3.6.1.2.1.2.2.1.1.1", .integer(Int32(index + 1)))])
                        return 1
                    }
                }
                return try await group.reduce(0, +)
            }
            print("\(acknowledged) informs acknowledged")
        }
    }
}
