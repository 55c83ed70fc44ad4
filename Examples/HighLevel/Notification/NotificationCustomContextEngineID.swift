// custom-contextengineid: an SNMPv3 inform whose scoped PDU names a context engine ID other than the
// sender's (e.g. the engine the notification is about, when a proxy sends it on).
//
// Net-SNMP: snmpinform -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 -E 0x8000000001020304 HOST:162 '' SNMPv2-MIB::coldStart
import SNMP

enum NotificationCustomContextEngineID: OriginatorExample {
    static let name = "custom-contextengineid"
    static let group = ExampleGroup.notification
    static let summary = "SNMPv3 notification with a chosen context engine ID"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        let contextEngineID = try peer.contextEngineID ?? OctetString(hexBytes("8000000001020304"))
        let version = SNMPNotifier.Version.v3(user: peer.user("usr-sha-aes128"), auth: .sha(peer.authKey),
                                              priv: .aes128(peer.privKey), contextEngineID: contextEngineID)
        try await withSNMPNotifier(agent: peer.agent, version: version) { notifier in
            try await notifier.sendInform(.coldStart)
            print("inform with context engine ID \(contextEngineID) acknowledged")
        }
    }
}
