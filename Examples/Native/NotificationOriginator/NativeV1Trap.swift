// v1-trap (native API): an SNMPv1 Trap-PDU built field by field and sent by the engine's notification
// originator (RFC 3413 §3.2) to a v1 target.
//
// Net-SNMP: snmptrap -v1 -c public HOST:162 .1.3.6.1.4.1.32473 127.0.0.1 6 1 100
import SNMP

enum NativeV1Trap: OriginatorExample {
    static let name = "v1-trap"
    static let group = ExampleGroup.ntforg
    static let summary = "SNMPv1 Trap-PDU through the notification originator"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, defaultPort: 162, security: .community(.v1, OctetString(peer.community)))
        let trap = TrapV1PDU(enterprise: "1.3.6.1.4.1.32473", agentAddress: IPv4Address(127, 0, 0, 1),
                             genericTrap: .enterpriseSpecific, specificTrap: 1, timeStamp: 100, varBinds: [])
        try engine.notificationOriginator.sendTrap(trap, to: target)
        print("sent an SNMPv1 trap to \(peer.agent)")
        await engine.shutdown()
    }
}
