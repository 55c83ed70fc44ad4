// fetch-variables-over-ipv6 (native API): the same engine sends over IPv6 when the target's address is one.
//
// Net-SNMP: snmpget -v2c -c public udp6:[::1]:161 .1.3.6.1.2.1.1.1.0 .1.3.6.1.2.1.1.5.0
import SNMP

enum NativeFetchVariablesOverIPv6: ManagerExample {
    static let name = "fetch-variables-over-ipv6"
    static let group = ExampleGroup.cmdgen
    static let summary = "GET over UDP/IPv6 through the native API"

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent6, security: .community(.v2c, OctetString(peer.community)))
        let response = try await engine.commandGenerator.send(
            PDU(type: .getRequest, requestID: 0, varBinds: [VarBind("1.3.6.1.2.1.1.1.0"), VarBind("1.3.6.1.2.1.1.5.0")]),
            to: target)
        for varBind in response.varBinds { print("\(varBind.oid) = \(varBind.value)") }
        await engine.shutdown()
    }
}
