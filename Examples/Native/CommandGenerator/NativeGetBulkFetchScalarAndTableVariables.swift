// getbulk-fetch-scalar-and-table-variables (native API): a GetBulkRequest with one non-repeater (sysUpTime)
// and two repeating columns (ifDescr, ifType).
//
// Net-SNMP: snmpbulkget -v2c -c public -Cn1 -Cr3 HOST:161 .1.3.6.1.2.1.1.3 .1.3.6.1.2.1.2.2.1.2 .1.3.6.1.2.1.2.2.1.3
import SNMP

enum NativeGetBulkFetchScalarAndTableVariables: ManagerExample {
    static let name = "getbulk-fetch-scalar-and-table-variables"
    static let group = ExampleGroup.cmdgen
    static let summary = "GETBULK of scalars and columns through the native API"

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, security: .community(.v2c, OctetString(peer.community)))
        let request = PDU.getBulk(requestID: 0, nonRepeaters: 1, maxRepetitions: 3,
                                  oids: ["1.3.6.1.2.1.1.3", "1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.2.2.1.3"])
        let response = try await engine.commandGenerator.send(request, to: target)
        for varBind in response.varBinds { print("\(varBind.oid) = \(varBind.value)") }
        await engine.shutdown()
    }
}
