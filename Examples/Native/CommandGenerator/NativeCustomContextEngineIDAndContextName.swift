// custom-contextengineid-and-contextname (native API): the scoped PDU's context set in the target's
// USM parameters.
//
// Net-SNMP: snmpget -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 -E 0x80001f8880aabbccdd00000001 -n lab HOST:161 .1.3.6.1.2.1.1.1.0
import SNMP

enum NativeCustomContextEngineIDAndContextName: ManagerExample {
    static let name = "custom-contextengineid-and-contextname"
    static let group = ExampleGroup.cmdgen
    static let summary = "SNMPv3 GET with both context fields in the target parameters"

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let user = USMUser(userName: OctetString(peer.user("usr-sha-aes128")), auth: .hmacSHA,
                           authSecret: .passphrase(peer.authKey), priv: .aes128, privSecret: .passphrase(peer.privKey))
        engine.addUser(user)
        let contextEngineID = try peer.contextEngineID ?? OctetString(hexBytes("80001f8880aabbccdd00000001"))
        let parameters = USMTargetParameters(userName: user.userName, securityLevel: .authPriv,
                                             contextName: OctetString(peer.contextName), contextEngineID: contextEngineID)
        let target = try SNMPTarget(agent: peer.agent, security: .usm(parameters))
        let response = try await engine.commandGenerator.send(
            PDU(type: .getRequest, requestID: 0, varBinds: [VarBind("1.3.6.1.2.1.1.1.0")]), to: target)
        for varBind in response.varBinds { print("context \"\(peer.contextName)\": \(varBind.oid) = \(varBind.value)") }
        await engine.shutdown()
    }
}
