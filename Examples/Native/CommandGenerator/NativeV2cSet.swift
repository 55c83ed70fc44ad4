// v2c-set (native API): a SetRequest PDU built by hand; a non-zero error-status stays data in the response.
//
// Net-SNMP: snmpset -v2c -c private HOST:161 .1.3.6.1.4.1.8072.9999.1.2.0 s "native set"
import SNMP

enum NativeV2cSet: ManagerExample {
    static let name = "v2c-set"
    static let group = ExampleGroup.cmdgen
    static let summary = "SNMPv2c SET through the command generator"

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, security: .community(.v2c, OctetString(peer.writeCommunity)))
        let request = PDU(type: .setRequest, requestID: 0,
                          varBinds: [VarBind("1.3.6.1.4.1.8072.9999.1.2.0", .octetString("native set"))])
        let response = try await engine.commandGenerator.send(request, to: target)
        print("error-status \(response.errorStatus)")
        for varBind in response.varBinds { print("\(varBind.oid) = \(varBind.value)") }
        await engine.shutdown()
    }
}
