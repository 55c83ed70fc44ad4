public import SNMPApplications
public import SNMPMIB

/// Notifications by NOTIFICATION-TYPE name, their varbinds laid out by the definition's OBJECTS clause
/// (RFC 3416 §4.2.6: sysUpTime.0, snmpTrapOID.0, then the OBJECTS in order, then any extra varbinds).
///
/// ```swift
/// try await notifier.sendTrap("IF-MIB::linkUp", instance: [2], values: [
///     "ifIndex": .integer(2), "ifAdminStatus": .integer(1), "ifOperStatus": .integer(1),
/// ])
/// ```
extension SNMPNotifier {
    /// The notification `name` stands for, each of its OBJECTS as the instance `instance` with the value
    /// given under the object's name in `values`.
    ///
    /// - Parameters:
    ///   - name: a NOTIFICATION-TYPE (or SMIv1 TRAP-TYPE) name, e.g. `"IF-MIB::linkUp"`.
    ///   - instance: the index arcs appended to every object (`[]` for scalars, which get `.0`).
    ///   - values: a value for every object of the OBJECTS clause, by object name.
    ///   - extra: varbinds appended after the OBJECTS.
    ///   - upTime: the sysUpTime.0 of the notification; by default the notifier's ``upTime``.
    ///   - mibStore: where the definition comes from.
    /// - Throws: `SNMPError` `.invalidArgument` when the name is unknown or an object has no value.
    public func notification(_ name: String, instance: [UInt32] = [], values: [String: SNMPValue] = [:],
                             extra: [VarBind] = [], upTime: UInt32? = nil,
                             mibStore: MIBStore = SNMPClient.defaultMIBStore) throws(SNMPError) -> SNMPNotification {
        let parser = NetSNMPNameParser(store: mibStore)
        func resolve(_ text: String) throws(SNMPError) -> ObjectIdentifier {
            if let numeric = ObjectIdentifier(text) { return numeric }
            do {
                return try parser.oid(for: text, mode: .fromRootThenRandomAccess)
            } catch {
                throw SNMPError(.invalidArgument, "\(text): Unknown Object Identifier")
            }
        }
        let trapOID = try resolve(name)
        guard let definition = mibStore.tree.node(at: trapOID) else {
            throw SNMPError(.invalidArgument, "\(name): no notification definition is loaded")
        }
        var varBinds: [VarBind] = []
        for object in definition.objects {
            guard let value = values[object] else {
                throw SNMPError(.invalidArgument, "\(name): no value for its object \(object)")
            }
            let base = try resolve("\(definition.module)::\(object)")
            // A scalar's only instance is .0; a column's is its row index.
            let suffix = instance.isEmpty && mibStore.tree.node(at: base)?.kind != .column ? [0] : instance
            varBinds.append(VarBind(ObjectIdentifier(base.arcs + suffix), value))
        }
        return SNMPNotification(trapOID, upTime: upTime ?? self.upTime, varBinds: varBinds + extra)
    }

    /// Sends the notification `name` as a trap; see ``notification(_:instance:values:extra:upTime:mibStore:)``.
    public func sendTrap(_ name: String, instance: [UInt32] = [], values: [String: SNMPValue] = [:],
                         extra: [VarBind] = []) async throws(SNMPError) {
        try await sendTrap(notification(name, instance: instance, values: values, extra: extra))
    }

    /// Sends the notification `name` as an inform and waits for its acknowledgement.
    @discardableResult
    public func sendInform(_ name: String, instance: [UInt32] = [], values: [String: SNMPValue] = [:],
                           extra: [VarBind] = []) async throws(SNMPError) -> [VarBind] {
        try await sendInform(notification(name, instance: instance, values: values, extra: extra))
    }
}
