// v2c-trap-via-notification-type (native API): the snmpTrapOID is the OID of a NOTIFICATION-TYPE looked
// up in a MIB store (NET-SNMP-AGENT-MIB::nsNotifyRestart has no OBJECTS).
//
// Net-SNMP: snmptrap -v2c -c public HOST:162 '' NET-SNMP-AGENT-MIB::nsNotifyRestart
import SNMP

enum NativeV2cTrapViaNotificationType: OriginatorExample {
    static let name = "v2c-trap-via-notification-type"
    static let group = ExampleGroup.ntforg
    static let summary = "trap OID taken from a NOTIFICATION-TYPE in the MIB"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        let store = MIBStore(searchPath: MIBSearchPath.directories())
        _ = try store.load("NET-SNMP-AGENT-MIB")
        guard let restart = store.tree.node(named: "nsNotifyRestart", module: "NET-SNMP-AGENT-MIB") else {
            throw ExampleError("NET-SNMP-AGENT-MIB::nsNotifyRestart is not defined")
        }
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, defaultPort: 162, security: .community(.v2c, OctetString(peer.community)))
        try engine.notificationOriginator.sendTrap(SNMPNotification(restart.oid, upTime: 100), to: target)
        print("sent \(restart.module)::\(restart.name) (\(restart.oid))")
        await engine.shutdown()
    }
}
