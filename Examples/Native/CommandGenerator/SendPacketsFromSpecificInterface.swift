// send-packets-from-specific-interface (native API): an engine whose socket is bound to a chosen local
// address (and port: 0 lets the system pick); its requests leave from there, and agents see that source.
//
// Net-SNMP: snmpget -v2c -c public --clientaddr=127.0.0.1 HOST:161 .1.3.6.1.2.1.1.5.0
import NIOCore
import SNMP

enum SendPacketsFromSpecificInterface: ManagerExample {
    static let name = "send-packets-from-specific-interface"
    static let group = ExampleGroup.cmdgen
    static let summary = "requests sent from a chosen local address and port"

    static func run(_ peer: Peer) async throws {
        let local = try SocketAddress(ipAddress: "127.0.0.1", port: 0)
        let engine = try await SNMPEngine.start(listeningOn: [local])
        let bound = try await engine.dispatcher.localAddresses().get()
        print("requests leave from \(bound.map { "\($0)" }.joined(separator: ", "))")
        let target = try SNMPTarget(agent: peer.agent, security: .community(.v2c, OctetString(peer.community)))
        let response = try await engine.commandGenerator.send(
            PDU(type: .getRequest, requestID: 0, varBinds: [VarBind("1.3.6.1.2.1.1.5.0")]), to: target)
        for varBind in response.varBinds { print("\(varBind.oid) = \(varBind.value)") }
        await engine.shutdown()
    }
}
