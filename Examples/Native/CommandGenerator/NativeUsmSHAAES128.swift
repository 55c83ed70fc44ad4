// usm-sha-aes128 (native API): the USM user goes into the engine's local configuration datastore
// (usmUserTable); the target names it with a security level (RFC 3414, RFC 3826).
//
// Net-SNMP: snmpget -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 HOST:161 .1.3.6.1.2.1.1.1.0
import SNMP

enum NativeUsmSHAAES128: ManagerExample {
    static let name = "usm-sha-aes128"
    static let group = ExampleGroup.cmdgen
    static let summary = "SNMPv3 authPriv GET with a USM user in the engine's table"

    static func run(_ peer: Peer) async throws {
        let user = USMUser(userName: OctetString(peer.user("usr-sha-aes128")), auth: .hmacSHA,
                           authSecret: .passphrase(peer.authKey), priv: .aes128, privSecret: .passphrase(peer.privKey))
        var configuration = SNMPEngine.Configuration()
        configuration.users = [user]
        let engine = try await SNMPEngine.start(configuration: configuration)
        let parameters = USMTargetParameters(userName: user.userName, securityLevel: .authPriv)
        let target = try SNMPTarget(agent: peer.agent, security: .usm(parameters))
        let response = try await engine.commandGenerator.send(
            PDU(type: .getRequest, requestID: 0, varBinds: [VarBind("1.3.6.1.2.1.1.1.0")]), to: target)
        for varBind in response.varBinds { print("\(varBind.oid) = \(varBind.value)") }
        await engine.shutdown()
    }
}
