// send-custom-pdu (native API): a Trap PDU built varbind by varbind; RFC 3416 §4.2.6 wants sysUpTime.0 and
// snmpTrapOID.0 first, which SNMPNotification(pdu:) checks.
//
// Net-SNMP: snmptrap -v2c -c public HOST:162 4200 .1.3.6.1.4.1.32473.0.1 .1.3.6.1.4.1.32473.1.1.0 i 7
import SNMP

enum SendCustomPDU: OriginatorExample {
    static let name = "send-custom-pdu"
    static let group = ExampleGroup.ntforg
    static let summary = "a hand-built PDU sent as a notification"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        let pdu = PDU(type: .trapV2, requestID: 0, varBinds: [
            VarBind(SNMPNotification.sysUpTimeOID, .timeTicks(4200)),
            VarBind(SNMPNotification.snmpTrapOIDOID, .objectIdentifier("1.3.6.1.4.1.32473.0.1")),
            VarBind("1.3.6.1.4.1.32473.1.1.0", .integer(7)),
        ])
        guard let notification = SNMPNotification(pdu: pdu) else { throw ExampleError("not a notification PDU") }
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, defaultPort: 162, security: .community(.v2c, OctetString(peer.community)))
        try engine.notificationOriginator.sendTrap(notification, to: target)
        print("sent a hand-built trap PDU")
        await engine.shutdown()
    }
}
