// usm-sha-none (native API): HMAC-SHA-96 authentication, no privacy.
//
// Net-SNMP: snmpget -v3 -l authNoPriv -u usr-sha-none -a SHA -A authkey1234 HOST:161 .1.3.6.1.2.1.1.1.0
import SNMP

enum NativeUsmSHANone: ManagerExample {
    static let name = "usm-sha-none"
    static let group = ExampleGroup.cmdgen
    static let summary = "SNMPv3 authNoPriv GET through the native API"

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let user = USMUser(userName: OctetString(peer.user("usr-sha-none")), auth: .hmacSHA, authSecret: .passphrase(peer.authKey))
        engine.addUser(user)
        let target = try SNMPTarget(agent: peer.agent, security: .usm(USMTargetParameters(userName: user.userName,
                                                                                          securityLevel: .authNoPriv)))
        let response = try await engine.commandGenerator.send(
            PDU(type: .getRequest, requestID: 0, varBinds: [VarBind("1.3.6.1.2.1.1.1.0")]), to: target)
        for varBind in response.varBinds { print("\(varBind.oid) = \(varBind.value)") }
        await engine.shutdown()
    }
}
