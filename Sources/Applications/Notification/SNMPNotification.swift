public import SNMPSMI

/// A notification in its SNMPv2 form (RFC 3416 §4.2.6): the trap OID, the sender's uptime and extra
/// variable bindings. On the wire the PDU starts with `sysUpTime.0` and `snmpTrapOID.0` (RFC 3416 §4.2.6).
///
/// ```swift
/// let linkDown = SNMPNotification(.linkDown, upTime: 4200, varBinds: [VarBind("1.3.6.1.2.1.2.2.1.1.3", .integer(3))])
/// ```
public struct SNMPNotification: Hashable, Sendable {
    /// `snmpTrapOID.0`: which notification this is (a NOTIFICATION-TYPE's OID).
    public var trapOID: ObjectIdentifier
    /// `sysUpTime.0` at the time of the event, in hundredths of a second.
    public var upTime: UInt32
    /// The varbinds after the first two.
    public var varBinds: [VarBind]

    /// Creates a notification.
    public init(_ trapOID: ObjectIdentifier, upTime: UInt32, varBinds: [VarBind] = []) {
        self.trapOID = trapOID
        self.upTime = upTime
        self.varBinds = varBinds
    }

    /// `sysUpTime.0` (RFC 3418).
    public static let sysUpTimeOID: ObjectIdentifier = [1, 3, 6, 1, 2, 1, 1, 3, 0]
    /// `snmpTrapOID.0` (RFC 3418).
    public static let snmpTrapOIDOID: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0]
    /// `snmpTrapEnterprise.0` (RFC 3418).
    public static let snmpTrapEnterpriseOID: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 1, 1, 4, 3, 0]
    /// `snmpTraps` (RFC 3418): the parent of the generic traps' OIDs.
    public static let snmpTrapsOID: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 1, 1, 5]
    /// `snmpTrapAddress.0` (RFC 3584 §3.1, SNMP-COMMUNITY-MIB).
    public static let snmpTrapAddressOID: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 18, 1, 3, 0]
    /// `snmpTrapCommunity.0` (RFC 3584 §3.1, SNMP-COMMUNITY-MIB).
    public static let snmpTrapCommunityOID: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 18, 1, 4, 0]

    /// The varbinds as they travel: `sysUpTime.0`, `snmpTrapOID.0`, then ``varBinds``.
    public var allVarBinds: [VarBind] {
        [VarBind(Self.sysUpTimeOID, .timeTicks(upTime)), VarBind(Self.snmpTrapOIDOID, .objectIdentifier(trapOID))]
            + varBinds
    }

    /// The PDU of type `.trapV2` or `.informRequest`.
    public func pdu(type: PDUType = .trapV2, requestID: Int32 = 0) -> PDU {
        PDU(type: type, requestID: requestID, varBinds: allVarBinds)
    }

    /// Reads a notification from an SNMPv2-Trap or Inform PDU; `nil` when the first two varbinds are not
    /// `sysUpTime.0` and `snmpTrapOID.0` as RFC 3416 §4.2.6 requires.
    public init?(pdu: PDU) {
        guard pdu.varBinds.count >= 2,
              pdu.varBinds[0].oid == Self.sysUpTimeOID, case .timeTicks(let ticks) = pdu.varBinds[0].value,
              pdu.varBinds[1].oid == Self.snmpTrapOIDOID, case .objectIdentifier(let oid) = pdu.varBinds[1].value
        else { return nil }
        self.init(oid, upTime: ticks, varBinds: Array(pdu.varBinds.dropFirst(2)))
    }
}

extension ObjectIdentifier {
    /// `coldStart` (SNMPv2-MIB snmpTraps.1).
    public static let coldStart: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 1, 1, 5, 1]
    /// `warmStart` (snmpTraps.2).
    public static let warmStart: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 1, 1, 5, 2]
    /// `linkDown` (IF-MIB, snmpTraps.3).
    public static let linkDown: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 1, 1, 5, 3]
    /// `linkUp` (IF-MIB, snmpTraps.4).
    public static let linkUp: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 1, 1, 5, 4]
    /// `authenticationFailure` (snmpTraps.5).
    public static let authenticationFailure: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 1, 1, 5, 5]
    /// `egpNeighborLoss` (RFC 1213, snmpTraps.6).
    public static let egpNeighborLoss: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 1, 1, 5, 6]
}
