// v1-get (native API): an SNMPEngine, a target (address + security parameters, SNMP-TARGET-MIB's
// concepts) and the command generator of RFC 3413 §3.1, without the high-level client.
//
// Net-SNMP: snmpget -v1 -c public HOST:161 .1.3.6.1.2.1.1.1.0
import SNMP

enum NativeV1Get: ManagerExample {
    static let name = "v1-get"
    static let group = ExampleGroup.cmdgen
    static let summary = "SNMPv1 GET through the engine and its command generator"

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, security: .community(.v1, OctetString(peer.community)))
        let request = PDU(type: .getRequest, requestID: 0, varBinds: [VarBind("1.3.6.1.2.1.1.1.0")])
        let response = try await engine.commandGenerator.send(request, to: target)   // request-id assigned by the dispatcher
        print("error-status \(response.errorStatus), error-index \(response.errorIndex)")
        for varBind in response.varBinds { print("\(varBind.oid) = \(varBind.value)") }
        await engine.shutdown()
    }
}
