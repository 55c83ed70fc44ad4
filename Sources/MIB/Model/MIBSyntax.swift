/// The SMI base type an object's values take on the wire, after following TEXTUAL-CONVENTIONs.
///
/// RFC 2578 §7.1 lists the SMIv2 types; RFC 1155 §3.2.3 adds the SMIv1 names (Counter, Gauge,
/// NetworkAddress) that Net-SNMP still maps onto their SMIv2 counterparts.
public enum MIBBaseType: String, Hashable, Sendable, Codable {
    /// `INTEGER` (possibly enumerated).
    case integer = "INTEGER"
    /// `Integer32`.
    case integer32 = "Integer32"
    /// `Unsigned32`.
    case unsigned32 = "Unsigned32"
    /// `Gauge32` (SMIv1 `Gauge`).
    case gauge32 = "Gauge32"
    /// `Counter32` (SMIv1 `Counter`).
    case counter32 = "Counter32"
    /// `Counter64`.
    case counter64 = "Counter64"
    /// `TimeTicks`.
    case timeTicks = "TimeTicks"
    /// `IpAddress`.
    case ipAddress = "IpAddress"
    /// SMIv1 `NetworkAddress`.
    case networkAddress = "NetworkAddress"
    /// `NsapAddress` (RFC 1442).
    case nsapAddress = "NsapAddress"
    /// `UInteger32` (RFC 1442).
    case uInteger32 = "UInteger32"
    /// `Opaque`.
    case opaque = "Opaque"
    /// `OCTET STRING`.
    case octetString = "OCTET STRING"
    /// `OBJECT IDENTIFIER`.
    case objectIdentifier = "OBJECT IDENTIFIER"
    /// `BITS` (RFC 2578 §7.1.4).
    case bits = "BITS"
    /// `NULL`.
    case null = "NULL"
    /// A conceptual row's type (`SEQUENCE { ... }`).
    case sequence = "SEQUENCE"
    /// A conceptual table's type (`SEQUENCE OF Entry`).
    case sequenceOf = "SEQUENCE OF"
    /// A CHOICE (only SMIv1 ObjectSyntax-style definitions use it).
    case choice = "CHOICE"
    /// A type name that no loaded module defines.
    case unknown = "unknown"

    /// The base type for a name that needs no definition (X.208 universal types and the SMI application types).
    static func builtIn(_ name: String) -> MIBBaseType? {
        switch name {
        case "INTEGER": return .integer
        case "Integer32": return .integer32
        case "Unsigned32": return .unsigned32
        case "Gauge32", "Gauge": return .gauge32
        case "Counter32", "Counter": return .counter32
        case "Counter64": return .counter64
        case "TimeTicks": return .timeTicks
        case "IpAddress": return .ipAddress
        case "NetworkAddress": return .networkAddress
        case "NsapAddress": return .nsapAddress
        case "UInteger32": return .uInteger32
        case "Opaque": return .opaque
        case "OCTET STRING": return .octetString
        case "OBJECT IDENTIFIER": return .objectIdentifier
        case "BITS": return .bits
        case "NULL": return .null
        default: return nil
        }
    }

    /// The base type an `[APPLICATION n]` tag denotes (RFC 2578 §7.1.5–§7.1.10, RFC 1442 for 5 and 7).
    static func application(_ tag: UInt32) -> MIBBaseType? {
        switch tag {
        case 0: return .ipAddress
        case 1: return .counter32
        case 2: return .gauge32
        case 3: return .timeTicks
        case 4: return .opaque
        case 5: return .nsapAddress
        case 6: return .counter64
        case 7: return .uInteger32
        default: return nil
        }
    }
}

/// A named value of an enumerated INTEGER (`up(1)`) or a BITS position (`existence(0)`).
public struct MIBNamedNumber: Hashable, Sendable, Codable {
    /// The label.
    public var name: String
    /// The number (INTEGER value or bit position).
    public var value: Int64

    /// Creates a named number.
    public init(name: String, value: Int64) {
        self.name = name
        self.value = value
    }
}

/// One alternative of a range or SIZE constraint (RFC 2578 §9): `lower..upper`, or one value when equal.
public struct MIBRange: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The lower bound.
    public var lower: MIBRangeValue
    /// The upper bound.
    public var upper: MIBRangeValue

    /// Creates a range.
    public init(lower: MIBRangeValue, upper: MIBRangeValue) {
        self.lower = lower
        self.upper = upper
    }

    /// `0..255`, or `4` for a single value (Net-SNMP's `-Tp` form).
    public var description: String { lower == upper ? "\(lower)" : "\(lower)..\(upper)" }
}

/// An object's syntax with everything a renderer needs, resolved through TEXTUAL-CONVENTIONs.
///
/// ```swift
/// let ifDescr = tree.node(named: "ifDescr", module: "IF-MIB")
/// ifDescr?.syntax?.baseType            // .octetString
/// ifDescr?.syntax?.textualConvention   // "DisplayString"
/// ifDescr?.syntax?.displayHint         // "255a"
/// ```
public struct MIBSyntax: Hashable, Sendable {
    /// The type as written after SYNTAX (`DisplayString`, `INTEGER`, `OCTET STRING`).
    public var typeName: String
    /// The nearest TEXTUAL-CONVENTION on the chain from `typeName` to the base type, if any.
    public var textualConvention: String?
    /// The module that defines `textualConvention`.
    public var textualConventionModule: String?
    /// The base type on the wire.
    public var baseType: MIBBaseType
    /// Enumerated values of an INTEGER (from the object, else from its TEXTUAL-CONVENTION).
    public var enumValues: [MIBNamedNumber]
    /// Labels of BITS positions.
    public var bitLabels: [MIBNamedNumber]
    /// Value ranges (the innermost refinement that gives any).
    public var ranges: [MIBRange]
    /// SIZE constraints.
    public var sizes: [MIBRange]
    /// The DISPLAY-HINT of the nearest TEXTUAL-CONVENTION that has one (RFC 2579 §3.1).
    public var displayHint: String?
    /// For a table (`SEQUENCE OF Entry`): the row type's name.
    public var rowType: String?

    /// Creates a syntax.
    public init(
        typeName: String, textualConvention: String? = nil, textualConventionModule: String? = nil,
        baseType: MIBBaseType, enumValues: [MIBNamedNumber] = [], bitLabels: [MIBNamedNumber] = [],
        ranges: [MIBRange] = [], sizes: [MIBRange] = [], displayHint: String? = nil, rowType: String? = nil
    ) {
        self.typeName = typeName
        self.textualConvention = textualConvention
        self.textualConventionModule = textualConventionModule
        self.baseType = baseType
        self.enumValues = enumValues
        self.bitLabels = bitLabels
        self.ranges = ranges
        self.sizes = sizes
        self.displayHint = displayHint
        self.rowType = rowType
    }

    /// The label for an INTEGER value, if the syntax enumerates it.
    public func enumLabel(for value: Int64) -> String? {
        enumValues.first { $0.value == value }?.name
    }
}
