// v2c-trap-with-notification-objects (native API): the varbinds follow the OBJECTS clause of
// IF-MIB::linkDown (ifIndex, ifAdminStatus, ifOperStatus), each the instance of interface 2.
//
// Net-SNMP: snmptrap -v2c -c public HOST:162 '' IF-MIB::linkDown IF-MIB::ifIndex.2 i 2 IF-MIB::ifAdminStatus.2 i 1 IF-MIB::ifOperStatus.2 i 2
import SNMP

enum NativeV2cTrapWithNotificationObjects: OriginatorExample {
    static let name = "v2c-trap-with-notification-objects"
    static let group = ExampleGroup.ntforg
    static let summary = "varbinds laid out by a NOTIFICATION-TYPE's OBJECTS"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        let store = MIBStore(searchPath: MIBSearchPath.directories())
        _ = try store.load("IF-MIB")
        guard let linkDown = store.tree.node(named: "linkDown", module: "IF-MIB") else {
            throw ExampleError("IF-MIB::linkDown is not defined")
        }
        let values: [String: SNMPValue] = ["ifIndex": .integer(2), "ifAdminStatus": .integer(1), "ifOperStatus": .integer(2)]
        var varBinds: [VarBind] = []
        for object in linkDown.objects {
            guard let column = store.tree.node(named: object, module: "IF-MIB"), let value = values[object] else {
                throw ExampleError("no value for \(object)")
            }
            varBinds.append(VarBind(column.oid.appending(2), value))
        }
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, defaultPort: 162, security: .community(.v2c, OctetString(peer.community)))
        try engine.notificationOriginator.sendTrap(SNMPNotification(linkDown.oid, upTime: 100, varBinds: varBinds), to: target)
        print("sent IF-MIB::linkDown with \(varBinds.count) objects")
        await engine.shutdown()
    }
}
