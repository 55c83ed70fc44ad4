// v3-inform: an SNMPv3 InformRequest: the receiver is authoritative (its engine ID is discovered first)
// and answers with a Response; `sendInform` returns once it did, or throws .timeout.
//
// Net-SNMP: snmpinform -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 HOST:162 '' SNMPv2-MIB::coldStart
import SNMP

enum V3Inform: OriginatorExample {
    static let name = "v3-inform"
    static let group = ExampleGroup.notification
    static let summary = "SNMPv3 INFORM, acknowledged by the receiver"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        let version = SNMPNotifier.Version.v3(user: peer.user("usr-sha-aes128"), auth: .sha(peer.authKey), priv: .aes128(peer.privKey))
        try await withSNMPNotifier(agent: peer.agent, version: version) { notifier in
            let acknowledged = try await notifier.sendInform(.coldStart,
                                                             varBinds: [VarBind("1.3.6.1.2.1.1.5.0", .octetString("swift-snmp"))])
            print("the receiver acknowledged the inform (\(acknowledged.count) varbinds)")
        }
    }
}
