// v2c-trap (native API): an SNMPNotification (trap OID, uptime, varbinds) sent as an SNMPv2-Trap-PDU.
//
// Net-SNMP: snmptrap -v2c -c public HOST:162 100 SNMPv2-MIB::coldStart
import SNMP

enum NativeV2cTrap: OriginatorExample {
    static let name = "v2c-trap"
    static let group = ExampleGroup.ntforg
    static let summary = "SNMPv2c trap through the notification originator"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, defaultPort: 162, security: .community(.v2c, OctetString(peer.community)))
        try engine.notificationOriginator.sendTrap(SNMPNotification(.coldStart, upTime: 100), to: target)
        print("sent an SNMPv2c coldStart trap to \(peer.agent)")
        await engine.shutdown()
    }
}
