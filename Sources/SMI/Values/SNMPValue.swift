/// The value half of a variable binding: one of the SMIv2 base types (RFC 2578 §7.1, RFC 3416 §3),
/// or one of the three exceptions an agent returns in place of a value.
///
/// ```swift
/// let values: [SNMPValue] = [.integer(42), .octetString("hello"), .timeTicks(360000),
///                            .counter64(.max), .objectIdentifier("1.3.6.1.4.1.8072")]
/// ```
public enum SNMPValue: Hashable, Sendable {
    /// `INTEGER` / `Integer32`, tag 0x02.
    case integer(Int32)
    /// `OCTET STRING` (also carries `BITS`), tag 0x04.
    case octetString(OctetString)
    /// `NULL`, tag 0x05: the value of every varbind in a request.
    case null
    /// `OBJECT IDENTIFIER`, tag 0x06.
    case objectIdentifier(ObjectIdentifier)
    /// `IpAddress`, tag 0x40.
    case ipAddress(IPv4Address)
    /// `Counter32`, tag 0x41.
    case counter32(UInt32)
    /// `Gauge32` / `Unsigned32`, tag 0x42.
    case gauge32(UInt32)
    /// `TimeTicks` in hundredths of a second, tag 0x43.
    case timeTicks(UInt32)
    /// `Opaque`: BER-wrapped data of any type, tag 0x44.
    case opaque(OctetString)
    /// `Counter64`, tag 0x46 (SNMPv2c and v3 only).
    case counter64(UInt64)
    /// The exception `noSuchObject` (context tag 0x80): the agent implements no such object.
    case noSuchObject
    /// The exception `noSuchInstance` (context tag 0x81): the object exists, this instance does not.
    case noSuchInstance
    /// The exception `endOfMibView` (context tag 0x82): nothing follows in the agent's MIB view.
    case endOfMibView
    /// A value whose tag is none of the above (e.g. the obsolete `NsapAddress` 0x45 or `UInteger32` 0x47).
    /// Kept so the varbind survives; Net-SNMP prints such values as "Variable has bad type".
    case unknown(tag: UInt8, contents: OctetString)

    /// `true` for `noSuchObject`, `noSuchInstance` and `endOfMibView`.
    @inlinable
    public var isException: Bool {
        switch self {
        case .noSuchObject, .noSuchInstance, .endOfMibView: return true
        default: return false
        }
    }

    /// The BER tag the value is encoded with.
    @inlinable
    public var tag: UInt8 {
        switch self {
        case .integer: return BERTag.integer
        case .octetString: return BERTag.octetString
        case .null: return BERTag.null
        case .objectIdentifier: return BERTag.objectIdentifier
        case .ipAddress: return BERTag.ipAddress
        case .counter32: return BERTag.counter32
        case .gauge32: return BERTag.gauge32
        case .timeTicks: return BERTag.timeTicks
        case .opaque: return BERTag.opaque
        case .counter64: return BERTag.counter64
        case .noSuchObject: return BERTag.noSuchObject
        case .noSuchInstance: return BERTag.noSuchInstance
        case .endOfMibView: return BERTag.endOfMibView
        case .unknown(let tag, _): return tag
        }
    }

    /// The SMI type name as RFC 2578 spells it (`Counter32`, `OCTET STRING`, ...).
    public var typeName: String {
        switch self {
        case .integer: return "INTEGER"
        case .octetString: return "OCTET STRING"
        case .null: return "NULL"
        case .objectIdentifier: return "OBJECT IDENTIFIER"
        case .ipAddress: return "IpAddress"
        case .counter32: return "Counter32"
        case .gauge32: return "Gauge32"
        case .timeTicks: return "TimeTicks"
        case .opaque: return "Opaque"
        case .counter64: return "Counter64"
        case .noSuchObject: return "noSuchObject"
        case .noSuchInstance: return "noSuchInstance"
        case .endOfMibView: return "endOfMibView"
        case .unknown(let tag, _): return "tag 0x" + String(tag, radix: 16)
        }
    }
}

extension SNMPValue: CustomStringConvertible {
    /// A short, human-readable form (`Counter32: 5`); the CLI has Net-SNMP's exact formats.
    public var description: String {
        switch self {
        case .integer(let v): return "INTEGER: \(v)"
        case .octetString(let s): return "STRING: \(s)"
        case .null: return "NULL"
        case .objectIdentifier(let oid): return "OID: \(oid)"
        case .ipAddress(let a): return "IpAddress: \(a)"
        case .counter32(let v): return "Counter32: \(v)"
        case .gauge32(let v): return "Gauge32: \(v)"
        case .timeTicks(let v): return "Timeticks: (\(v))"
        case .opaque(let s): return "Opaque: \(s)"
        case .counter64(let v): return "Counter64: \(v)"
        case .noSuchObject: return "noSuchObject"
        case .noSuchInstance: return "noSuchInstance"
        case .endOfMibView: return "endOfMibView"
        case .unknown(let tag, let s): return "tag 0x\(String(tag, radix: 16)): \(s)"
        }
    }
}

extension SNMPValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    /// An `INTEGER` literal.
    public init(integerLiteral value: Int32) { self = .integer(value) }
    /// An `OCTET STRING` literal.
    public init(stringLiteral value: String) { self = .octetString(OctetString(value)) }
}
