/// An `SnmpSecurityModel` value (RFC 3411 §5): which security model processed a message.
public struct SecurityModelID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The wire / MIB value.
    public var rawValue: Int32
    /// Creates a model ID.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Reserved for "any" in VACM tables.
    public static let any = SecurityModelID(rawValue: 0)
    /// The SNMPv1 community-based model (RFC 3584).
    public static let v1 = SecurityModelID(rawValue: 1)
    /// The SNMPv2c community-based model (RFC 3584).
    public static let v2c = SecurityModelID(rawValue: 2)
    /// The User-based Security Model (RFC 3414).
    public static let usm = SecurityModelID(rawValue: 3)
    /// The Transport Security Model (RFC 5591).
    public static let tsm = SecurityModelID(rawValue: 4)

    public var description: String {
        switch self {
        case .any: return "any"
        case .v1: return "SNMPv1"
        case .v2c: return "SNMPv2c"
        case .usm: return "USM"
        case .tsm: return "TSM"
        default: return "securityModel(\(rawValue))"
        }
    }
}

/// An `SnmpSecurityLevel` (RFC 3411 §5).
public enum SecurityLevel: Int32, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// No authentication, no privacy.
    case noAuthNoPriv = 1
    /// Authenticated, not encrypted.
    case authNoPriv = 2
    /// Authenticated and encrypted.
    case authPriv = 3

    public static func < (lhs: SecurityLevel, rhs: SecurityLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Net-SNMP's `-l` spelling.
    public var description: String {
        switch self {
        case .noAuthNoPriv: return "noAuthNoPriv"
        case .authNoPriv: return "authNoPriv"
        case .authPriv: return "authPriv"
        }
    }
}
