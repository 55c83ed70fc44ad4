// v3-trap (native API): the sending engine is authoritative for its traps (RFC 3412 §7.1 step 9b), so
// its engine ID is chosen here and the receiver knows the user localized to it.
//
// Net-SNMP: snmptrap -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 -e 0x80001f8880aabbccdd00000003 HOST:162 '' SNMPv2-MIB::coldStart
import SNMP

enum NativeV3Trap: OriginatorExample {
    static let name = "v3-trap"
    static let group = ExampleGroup.ntforg
    static let summary = "SNMPv3 trap from an engine with a chosen engine ID"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        var configuration = SNMPEngine.Configuration()
        configuration.engineID = try peer.engineID ?? OctetString(hexBytes("80001f8880aabbccdd00000003"))
        configuration.users = [USMUser(userName: OctetString(peer.user("usr-sha-aes128")), auth: .hmacSHA,
                                       authSecret: .passphrase(peer.authKey), priv: .aes128, privSecret: .passphrase(peer.privKey))]
        let engine = try await SNMPEngine.start(configuration: configuration)
        let parameters = USMTargetParameters(userName: OctetString(peer.user("usr-sha-aes128")), securityLevel: .authPriv)
        let target = try SNMPTarget(agent: peer.agent, defaultPort: 162, security: .usm(parameters))
        try engine.notificationOriginator.sendTrap(SNMPNotification(.coldStart, upTime: 100), to: target)
        print("sent an SNMPv3 trap from engine \(engine.engineID)")
        await engine.shutdown()
    }
}
