/// The `version` field of an SNMP message: which message processing model handles it (RFC 3411 §5).
public struct SNMPVersion: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The INTEGER on the wire.
    public var rawValue: Int32
    /// Creates a version from its wire value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// SNMPv1 (RFC 1157), wire value 0.
    public static let v1 = SNMPVersion(rawValue: 0)
    /// Community-based SNMPv2c (RFC 1901), wire value 1.
    public static let v2c = SNMPVersion(rawValue: 1)
    /// SNMPv3 (RFC 3412), wire value 3.
    public static let v3 = SNMPVersion(rawValue: 3)

    /// `1`, `2c` or `3`, as Net-SNMP's `-v` spells them.
    public var description: String {
        switch self {
        case .v1: return "1"
        case .v2c: return "2c"
        case .v3: return "3"
        default: return "version(\(rawValue))"
        }
    }
}
