public import SNMPSMI

/// RFC 3584 §3: translation between SNMPv1 Trap-PDUs and SNMPv2 notifications, in both directions, so that
/// an originator can send either form to any version and a receiver can see one form whatever arrived.
public enum NotificationTranslation {
    /// RFC 3584 §3.1: the SNMPv2 form of an SNMPv1 trap.
    ///
    /// `sysUpTime.0` is the time-stamp; `snmpTrapOID.0` is `snmpTraps.(generic+1)` for a generic trap and
    /// `enterprise.0.specific` for an enterprise-specific one; the trap's varbinds follow, then
    /// `snmpTrapAddress.0`, `snmpTrapCommunity.0` (when the community is known) and `snmpTrapEnterprise.0`
    /// unless the trap already carries them.
    public static func notification(from trap: TrapV1PDU, community: OctetString? = nil) -> SNMPNotification {
        let trapOID: ObjectIdentifier
        if trap.genericTrap.rawValue >= 0 && trap.genericTrap.rawValue < 6 {
            trapOID = SNMPNotification.snmpTrapsOID.appending(UInt32(trap.genericTrap.rawValue + 1))
        } else {
            trapOID = trap.enterprise.appending([0, UInt32(bitPattern: trap.specificTrap)])
        }
        var varBinds = trap.varBinds
        let present = Set(varBinds.map(\.oid))
        if !present.contains(SNMPNotification.snmpTrapAddressOID) {
            varBinds.append(VarBind(SNMPNotification.snmpTrapAddressOID, .ipAddress(trap.agentAddress)))
        }
        if let community, !present.contains(SNMPNotification.snmpTrapCommunityOID) {
            varBinds.append(VarBind(SNMPNotification.snmpTrapCommunityOID, .octetString(community)))
        }
        if !present.contains(SNMPNotification.snmpTrapEnterpriseOID) {
            varBinds.append(VarBind(SNMPNotification.snmpTrapEnterpriseOID, .objectIdentifier(trap.enterprise)))
        }
        return SNMPNotification(trapOID, upTime: trap.timeStamp, varBinds: varBinds)
    }

    /// RFC 3584 §3.2: the SNMPv1 form of an SNMPv2 notification.
    ///
    /// A standard trap (`snmpTraps.1`–`.6`) becomes generic trap 0–5 with the enterprise taken from
    /// `snmpTrapEnterprise.0` (or `snmpTraps` without it); any other becomes enterpriseSpecific(6) with the
    /// last arc as specific-trap and the rest (less a `.0` before the last arc) as enterprise. The agent address
    /// comes from `snmpTrapAddress.0`, else `defaultAgentAddress`. Counter64 varbinds cannot travel in
    /// SNMPv1 and are dropped (§3.2 (3)); `snmpTrapEnterprise.0` and `snmpTrapAddress.0` are consumed.
    public static func trapV1(from notification: SNMPNotification,
                              defaultAgentAddress: IPv4Address = IPv4Address(0, 0, 0, 0)) -> TrapV1PDU {
        var enterprise: ObjectIdentifier
        var generic = TrapV1PDU.GenericTrap.enterpriseSpecific
        var specific: Int32 = 0
        let trapOID = notification.trapOID
        let trapEnterprise = notification.varBinds.first { $0.oid == SNMPNotification.snmpTrapEnterpriseOID }
        if SNMPNotification.snmpTrapsOID.contains(trapOID), trapOID.count == SNMPNotification.snmpTrapsOID.count + 1,
           let last = trapOID.arcs.last, last >= 1, last <= 6 {
            generic = TrapV1PDU.GenericTrap(rawValue: Int32(last) - 1)
            if case .objectIdentifier(let oid)? = trapEnterprise?.value {
                enterprise = oid
            } else {
                enterprise = SNMPNotification.snmpTrapsOID
            }
        } else {
            var arcs = trapOID.arcs
            let last = arcs.popLast() ?? 0
            specific = Int32(bitPattern: last)
            if arcs.last == 0 { arcs.removeLast() }
            enterprise = ObjectIdentifier(arcs)
        }
        var agentAddress = defaultAgentAddress
        if let address = notification.varBinds.first(where: { $0.oid == SNMPNotification.snmpTrapAddressOID }),
           case .ipAddress(let ip) = address.value {
            agentAddress = ip
        }
        let varBinds = notification.varBinds.filter { varBind in
            if case .counter64 = varBind.value { return false }
            return varBind.oid != SNMPNotification.snmpTrapEnterpriseOID
                && varBind.oid != SNMPNotification.snmpTrapAddressOID
        }
        return TrapV1PDU(enterprise: enterprise, agentAddress: agentAddress, genericTrap: generic,
                         specificTrap: specific, timeStamp: notification.upTime, varBinds: varBinds)
    }
}
