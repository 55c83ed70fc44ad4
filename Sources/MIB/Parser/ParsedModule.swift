/// A position in a MIB file.
struct SourcePosition: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// One component of an OBJECT IDENTIFIER value: `iso`, `3`, `org(3)` (RFC 2578 §3.7, X.208 §28).
struct ParsedOIDComponent: Sendable {
    var name: String?
    var number: UInt32?
}

/// A bound of a range or size constraint (`0..255`, `MIN..MAX`, `'7f'H`).
public enum MIBRangeValue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A value that fits `Int64` (negative numbers, most bounds).
    case signed(Int64)
    /// A value above `Int64.max` (Counter64 and Unsigned64 bounds).
    case unsigned(UInt64)
    /// `MIN`: the smallest value of the base type.
    case min
    /// `MAX`: the largest value of the base type.
    case max

    /// The bound as written in a MIB: `-1`, `255`, `MIN`, `MAX`.
    public var description: String {
        switch self {
        case .signed(let value): return String(value)
        case .unsigned(let value): return String(value)
        case .min: return "MIN"
        case .max: return "MAX"
        }
    }
}

/// A parsed type as written after SYNTAX or `::=`, before names are resolved.
indirect enum ParsedType: Sendable {
    /// A type named by reference (`INTEGER`, `OCTET STRING`, `DisplayString`, `Counter32`) with its refinements.
    case named(String, ParsedRefinement)
    /// `BITS { a(0), b(1) }`.
    case bits([ParsedNamedNumber])
    /// `SEQUENCE { name Type, ... }`.
    case sequence([(String, ParsedType)])
    /// `SEQUENCE OF Entry`.
    case sequenceOf(String)
    /// `CHOICE { ... }`.
    case choice([(String, ParsedType)])
    /// `[APPLICATION n] IMPLICIT Type` and other tagged types.
    case tagged(tagClass: String, number: UInt32, ParsedType)
}

/// Constraints and named values that refine a referenced type.
struct ParsedRefinement: Sendable {
    var namedNumbers: [ParsedNamedNumber] = []
    var ranges: [(MIBRangeValue, MIBRangeValue)] = []
    var sizes: [(MIBRangeValue, MIBRangeValue)] = []
}

/// `name(value)` in an enumeration or BITS list.
struct ParsedNamedNumber: Sendable {
    var name: String
    var value: Int64
}

/// Which construct introduced a definition.
enum ParsedDefinitionKind: Sendable {
    case objectIdentifier, moduleIdentity, objectIdentity, objectType, notificationType, trapType
    case objectGroup, notificationGroup, moduleCompliance, agentCapabilities
    case textualConvention, typeAssignment, macro
    /// A value assignment of some other type (`x INTEGER ::= 5`): kept for completeness, not in the tree.
    case otherValue
}

/// One top-level assignment of a module.
struct ParsedDefinition: Sendable {
    var name: String
    var kind: ParsedDefinitionKind
    var position: SourcePosition
    var oid: [ParsedOIDComponent] = []
    /// For TRAP-TYPE: the ENTERPRISE name; the OID becomes `enterprise.0.number` (RFC 2576 §3.1).
    var enterprise: String?
    var trapNumber: UInt32?
    var syntax: ParsedType?
    var units: String?
    var access: String?
    var status: String?
    var description: String?
    var reference: String?
    var displayHint: String?
    var index: [(name: String, implied: Bool)] = []
    var augments: String?
    var defaultValue: String?
    /// OBJECTS, NOTIFICATIONS or VARIABLES.
    var objects: [String] = []
}

/// `FROM module` with the symbols imported from it.
struct ParsedImport: Sendable {
    var module: String
    var symbols: [String]
    var position: SourcePosition
}

/// A module as parsed from text, names not yet resolved.
struct ParsedModule: Sendable {
    var name: String
    var position: SourcePosition
    var imports: [ParsedImport] = []
    var definitions: [ParsedDefinition] = []
    /// SMIv2 if the module imports from SNMPv2-SMI (RFC 2578 §3); SMIv1 otherwise.
    var isSMIv2 = false
}
