// pull-subtree (native API): GETNEXT from a subtree's root, stopping at the first OID outside it.
//
// Net-SNMP: snmpwalk -v2c -c public HOST:161 .1.3.6.1.2.1.1
import SNMP

enum NativePullSubtree: ManagerExample {
    static let name = "pull-subtree"
    static let group = ExampleGroup.cmdgen
    static let summary = "GETNEXT walk of one subtree, stopping at its end"

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, security: .community(.v2c, OctetString(peer.community)))
        let root: ObjectIdentifier = "1.3.6.1.2.1.1"
        var current = root
        while true {
            let response = try await engine.commandGenerator.send(
                PDU(type: .getNextRequest, requestID: 0, varBinds: [VarBind(current)]), to: target)
            guard let varBind = response.varBinds.first, varBind.value != .endOfMibView,
                  root.isPrefix(of: varBind.oid), varBind.oid > current else { break }
            print("\(varBind.oid) = \(varBind.value)")
            current = varBind.oid
        }
        await engine.shutdown()
    }
}
