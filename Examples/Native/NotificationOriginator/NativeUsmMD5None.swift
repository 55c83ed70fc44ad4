// usm-md5-none (native API): an SNMPv3 trap authenticated with HMAC-MD5-96, not encrypted.
//
// Net-SNMP: snmptrap -v3 -l authNoPriv -u usr-md5-none -a MD5 -A authkey1234 -e 0x80001f8880aabbccdd00000003 HOST:162 '' SNMPv2-MIB::coldStart
import SNMP

enum NativeUsmMD5None: OriginatorExample {
    static let name = "usm-md5-none"
    static let group = ExampleGroup.ntforg
    static let summary = "SNMPv3 authNoPriv (HMAC-MD5) trap"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        var configuration = SNMPEngine.Configuration()
        configuration.engineID = try peer.engineID ?? OctetString(hexBytes("80001f8880aabbccdd00000003"))
        configuration.users = [USMUser(userName: OctetString(peer.user("usr-md5-none")), auth: .hmacMD5,
                                       authSecret: .passphrase(peer.authKey))]
        let engine = try await SNMPEngine.start(configuration: configuration)
        let parameters = USMTargetParameters(userName: OctetString(peer.user("usr-md5-none")), securityLevel: .authNoPriv)
        let target = try SNMPTarget(agent: peer.agent, defaultPort: 162, security: .usm(parameters))
        try engine.notificationOriginator.sendTrap(SNMPNotification(.coldStart, upTime: 100), to: target)
        print("sent an SNMPv3 authNoPriv trap")
        await engine.shutdown()
    }
}
