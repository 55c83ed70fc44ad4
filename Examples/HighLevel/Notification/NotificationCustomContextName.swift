// custom-contextname: an SNMPv3 inform in a named context (RFC 3411 §3.3.1), which the receiver sees.
//
// Net-SNMP: snmpinform -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 -n lab HOST:162 '' SNMPv2-MIB::coldStart
import SNMP

enum NotificationCustomContextName: OriginatorExample {
    static let name = "custom-contextname"
    static let group = ExampleGroup.notification
    static let summary = "SNMPv3 notification in a named context"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        let version = SNMPNotifier.Version.v3(user: peer.user("usr-sha-aes128"), auth: .sha(peer.authKey),
                                              priv: .aes128(peer.privKey), contextName: peer.contextName)
        try await withSNMPNotifier(agent: peer.agent, version: version) { notifier in
            try await notifier.sendInform(.coldStart)
            print("inform in context \"\(peer.contextName)\" acknowledged")
        }
    }
}
