// v2c-inform (native API): an InformRequest, retransmitted per the target's timeout and retries until the
// receiver's Response arrives (RFC 3416 §4.2.7).
//
// Net-SNMP: snmpinform -v2c -c public HOST:162 100 SNMPv2-MIB::warmStart SNMPv2-MIB::sysName.0 s "swift"
import SNMP

enum NativeV2cInform: OriginatorExample {
    static let name = "v2c-inform"
    static let group = ExampleGroup.ntforg
    static let summary = "SNMPv2c inform, awaited until acknowledged"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, defaultPort: 162, security: .community(.v2c, OctetString(peer.community)),
                                    timeout: .seconds(2), retries: 3)
        let notification = SNMPNotification(.warmStart, upTime: 100,
                                            varBinds: [VarBind("1.3.6.1.2.1.1.5.0", .octetString("swift"))])
        let response = try await engine.notificationOriginator.sendInform(notification, to: target)
        print("acknowledged: \(response.type), error-status \(response.errorStatus)")
        await engine.shutdown()
    }
}
