// custom-timeout-and-retries (native API): the target carries snmpTargetAddrTimeout and RetryCount.
//
// Net-SNMP: snmpget -v2c -c public -t 3 -r 2 HOST:161 .1.3.6.1.2.1.1.3.0
import SNMP

enum NativeCustomTimeoutAndRetries: ManagerExample {
    static let name = "custom-timeout-and-retries"
    static let group = ExampleGroup.cmdgen
    static let summary = "timeout and retries on the target"

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, security: .community(.v2c, OctetString(peer.community)),
                                    timeout: .seconds(3), retries: 2)
        let response = try await engine.commandGenerator.send(
            PDU(type: .getRequest, requestID: 0, varBinds: [VarBind("1.3.6.1.2.1.1.3.0")]), to: target)
        for varBind in response.varBinds { print("\(varBind.oid) = \(varBind.value)") }
        await engine.shutdown()
    }
}
