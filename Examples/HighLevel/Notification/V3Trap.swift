// v3-trap: an SNMPv3 authPriv trap. For traps the sender is the authoritative engine (RFC 3412 §7.1
// step 9b): the receiver must know the user localized to the sender's engine ID (snmptrapd:
// `createUser -e 0x80001f8880aabbccdd00000003 usr-sha-aes128 SHA authkey1234 AES privkey1234`).
//
// Net-SNMP: snmptrap -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 -e 0x80001f8880aabbccdd00000003 HOST:162 '' SNMPv2-MIB::warmStart
import SNMP

enum V3Trap: OriginatorExample {
    static let name = "v3-trap"
    static let group = ExampleGroup.notification
    static let summary = "SNMPv3 TRAP (the sender's engine is authoritative)"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        var configuration = SNMPNotifier.Configuration()
        configuration.engineID = try peer.engineID ?? OctetString(hexBytes("80001f8880aabbccdd00000003"))
        let version = SNMPNotifier.Version.v3(user: peer.user("usr-sha-aes128"), auth: .sha(peer.authKey), priv: .aes128(peer.privKey))
        try await withSNMPNotifier(agent: peer.agent, version: version, configuration: configuration) { notifier in
            try await notifier.sendTrap(.warmStart)
            print("sent an SNMPv3 warmStart trap to \(peer.agent)")
        }
    }
}
