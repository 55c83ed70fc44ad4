// send-notification-with-additional-varbinds: an SNMPv2c trap whose varbinds follow sysUpTime.0 and
// snmpTrapOID.0 (RFC 3416 §4.2.6), which the notifier puts first.
//
// Net-SNMP: snmptrap -v2c -c public HOST:162 '' SNMPv2-MIB::coldStart SNMPv2-MIB::sysName.0 s "swift-snmp" SNMPv2-MIB::sysContact.0 s "noc@example.com"
import SNMP

enum SendNotificationWithAdditionalVarbinds: OriginatorExample {
    static let name = "send-notification-with-additional-varbinds"
    static let group = ExampleGroup.notification
    static let summary = "a notification carrying extra varbinds"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        try await withSNMPNotifier(agent: peer.agent, version: .v2c(community: peer.community)) { notifier in
            try await notifier.sendTrap(.coldStart, varBinds: [
                VarBind("1.3.6.1.2.1.1.5.0", .octetString("swift-snmp")),
                VarBind("1.3.6.1.2.1.1.4.0", .octetString("noc@example.com")),
            ])
            print("sent an SNMPv2c coldStart trap with 2 more varbinds to \(peer.agent)")
        }
    }
}
