// v2c-trap-with-notification-objects: IF-MIB::linkUp sent by name; its OBJECTS clause (ifIndex,
// ifAdminStatus, ifOperStatus) decides the varbinds, each as the instance of row 1.
//
// Net-SNMP: snmptrap -v2c -c public HOST:162 '' IF-MIB::linkUp IF-MIB::ifIndex.1 i 1 IF-MIB::ifAdminStatus.1 i 1 IF-MIB::ifOperStatus.1 i 1
import SNMP

enum V2cTrapWithNotificationObjects: OriginatorExample {
    static let name = "v2c-trap-with-notification-objects"
    static let group = ExampleGroup.notification
    static let summary = "a NOTIFICATION-TYPE sent by name, its OBJECTS filled from the MIB"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        try await withSNMPNotifier(agent: peer.agent, version: .v2c(community: peer.community)) { notifier in
            try await notifier.sendTrap("IF-MIB::linkUp", instance: [1], values: [
                "ifIndex": .integer(1), "ifAdminStatus": .integer(1), "ifOperStatus": .integer(1),
            ])
            print("sent IF-MIB::linkUp for row 1 to \(peer.agent)")
        }
    }
}
