// getnext-multiple-oids-to-eom (native API): GetNextRequests of two varbinds repeated until both are
// endOfMibView, from the engine and USM user objects near the end of the MIB.
//
// Net-SNMP: snmpgetnext -v2c -c public HOST:161 .1.3.6.1.6.3.10.2.1 .1.3.6.1.6.3.15.1.2   (repeated)
import SNMP

enum NativeGetNextMultipleOIDsToEOM: ManagerExample {
    static let name = "getnext-multiple-oids-to-eom"
    static let group = ExampleGroup.cmdgen
    static let summary = "GETNEXT walk of several OIDs to the end of the MIB view"

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, security: .community(.v2c, OctetString(peer.community)))
        var oids: [ObjectIdentifier] = ["1.3.6.1.6.3.10.2.1", "1.3.6.1.6.3.15.1.2"]
        var requests = 0
        while !oids.isEmpty {
            let response = try await engine.commandGenerator.send(
                PDU(type: .getNextRequest, requestID: 0, varBinds: oids.map { VarBind($0) }), to: target)
            requests += 1
            if requests == 1 { for varBind in response.varBinds { print("\(varBind.oid) = \(varBind.value)") } }
            oids = response.varBinds.filter { $0.value != .endOfMibView }.map(\.oid)
        }
        print("... both reached the end of the MIB view after \(requests) requests")
        await engine.shutdown()
    }
}
