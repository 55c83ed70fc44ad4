public import SNMPSMI

/// What an OBJECT-TYPE's MAX-ACCESS (SMIv2, RFC 2578 §7.3) or ACCESS (SMIv1, RFC 1212 §4.1.3) says.
///
/// A raw-value struct so that values vendors invent survive.
public struct MIBAccess: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The clause's word, e.g. `read-only`.
    public let rawValue: String
    /// Creates an access from its word.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `not-accessible`.
    public static let notAccessible = MIBAccess(rawValue: "not-accessible")
    /// `accessible-for-notify`.
    public static let accessibleForNotify = MIBAccess(rawValue: "accessible-for-notify")
    /// `read-only`.
    public static let readOnly = MIBAccess(rawValue: "read-only")
    /// `read-write`.
    public static let readWrite = MIBAccess(rawValue: "read-write")
    /// `read-create`.
    public static let readCreate = MIBAccess(rawValue: "read-create")
    /// SMIv1 only (RFC 1155 §4).
    public static let writeOnly = MIBAccess(rawValue: "write-only")

    /// The clause's word.
    public var description: String { rawValue }
}

/// A definition's STATUS (RFC 2578 §7.4; SMIv1 adds `mandatory` and `optional`).
public struct MIBStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The clause's word, e.g. `current`.
    public let rawValue: String
    /// Creates a status from its word.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `current`.
    public static let current = MIBStatus(rawValue: "current")
    /// `deprecated`.
    public static let deprecated = MIBStatus(rawValue: "deprecated")
    /// `obsolete`.
    public static let obsolete = MIBStatus(rawValue: "obsolete")
    /// `mandatory`.
    public static let mandatory = MIBStatus(rawValue: "mandatory")
    /// `optional`.
    public static let optional = MIBStatus(rawValue: "optional")

    /// The clause's word.
    public var description: String { rawValue }
}

/// What kind of definition produced a node.
public enum MIBNodeKind: String, Hashable, Sendable, Codable {
    /// MODULE-IDENTITY (RFC 2578 §5).
    case moduleIdentity
    /// OBJECT-IDENTITY (RFC 2578 §6).
    case objectIdentity
    /// `name OBJECT IDENTIFIER ::= { ... }`.
    case objectIdentifier
    /// An OBJECT-TYPE that is not part of a table.
    case scalar
    /// An OBJECT-TYPE whose SYNTAX is `SEQUENCE OF` (RFC 2578 §7.1.12).
    case table
    /// An OBJECT-TYPE with INDEX or AUGMENTS (RFC 2578 §7.7, §7.8).
    case row
    /// An OBJECT-TYPE under a row.
    case column
    /// NOTIFICATION-TYPE (RFC 2578 §8).
    case notification
    /// SMIv1 TRAP-TYPE (RFC 1215), placed at `enterprise.0.specific` as RFC 2576 §3.1 maps it.
    case trap
    /// OBJECT-GROUP (RFC 2580 §4).
    case objectGroup
    /// NOTIFICATION-GROUP (RFC 2580 §4).
    case notificationGroup
    /// MODULE-COMPLIANCE (RFC 2580 §5).
    case moduleCompliance
    /// AGENT-CAPABILITIES (RFC 2580 §6).
    case agentCapabilities
    /// An arc named only inside another OID value, such as `org` in `{ iso org(3) dod(6) }`.
    case implicit
}

/// One INDEX entry of a row: the object and whether it is IMPLIED (RFC 2578 §7.7).
public struct MIBIndexPart: Hashable, Sendable, Codable {
    /// The index object's name (or, in SMIv1, a type name such as `INTEGER`).
    public var name: String
    /// `true` for the IMPLIED last index: a variable-length value with no length arc.
    public var implied: Bool

    /// Creates an index part.
    public init(name: String, implied: Bool) {
        self.name = name
        self.implied = implied
    }
}

/// A named point of the OID tree as a MIB module defines it.
///
/// The resolved syntax and the descriptive clauses are kept behind references (copy-on-write: setting
/// one makes a new box), so a node is 160-odd bytes instead of nearly 400, and nodes with the same
/// syntax can share one. A loaded corpus has thousands of nodes, and every start builds all of them.
public struct MIBNode: Hashable, Sendable {
    /// The descriptor (`sysDescr`).
    public var name: String
    /// The defining module (`SNMPv2-MIB`); empty for the built-in roots `ccitt`, `iso`, `joint-iso-ccitt`.
    public var module: String
    /// The node's OID.
    public var oid: ObjectIdentifier
    /// What defined it.
    public var kind: MIBNodeKind
    /// MAX-ACCESS / ACCESS.
    public var access: MIBAccess?
    /// STATUS.
    public var status: MIBStatus?
    private var syntaxBox: SyntaxBox?
    private var details: Details

    /// SYNTAX of an OBJECT-TYPE (or of a TEXTUAL-CONVENTION it uses), resolved.
    public var syntax: MIBSyntax? {
        get { syntaxBox?.value }
        set { syntaxBox = newValue.map(SyntaxBox.init) }
    }
    /// INDEX of a row.
    public var index: [MIBIndexPart] {
        get { details.index }
        set { updateDetails { $0.index = newValue } }
    }
    /// AUGMENTS of a row: the base row's name.
    public var augments: String? {
        get { details.augments }
        set { updateDetails { $0.augments = newValue } }
    }
    /// UNITS.
    public var units: String? {
        get { details.units }
        set { updateDetails { $0.units = newValue } }
    }
    /// DESCRIPTION, as written between the quotes.
    public var description: String? {
        get { details.description }
        set { updateDetails { $0.description = newValue } }
    }
    /// REFERENCE.
    public var reference: String? {
        get { details.reference }
        set { updateDetails { $0.reference = newValue } }
    }
    /// DEFVAL, as written between the braces.
    public var defaultValue: String? {
        get { details.defaultValue }
        set { updateDetails { $0.defaultValue = newValue } }
    }
    /// OBJECTS of a notification or group, VARIABLES of a trap, NOTIFICATIONS of a group.
    public var objects: [String] {
        get { details.objects }
        set { updateDetails { $0.objects = newValue } }
    }

    /// Creates a node.
    public init(
        name: String, module: String, oid: ObjectIdentifier, kind: MIBNodeKind, syntax: MIBSyntax? = nil,
        access: MIBAccess? = nil, status: MIBStatus? = nil, index: [MIBIndexPart] = [], augments: String? = nil,
        units: String? = nil, description: String? = nil, reference: String? = nil, defaultValue: String? = nil,
        objects: [String] = []
    ) {
        self.name = name
        self.module = module
        self.oid = oid
        self.kind = kind
        self.syntaxBox = syntax.map(SyntaxBox.init)
        self.access = access
        self.status = status
        let values = DetailValues(
            index: index, augments: augments, units: units, description: description, reference: reference,
            defaultValue: defaultValue, objects: objects)
        self.details = Details.make(values)
    }

    /// A node whose syntax box is shared with other nodes (the compiled-cache decoder gives every node
    /// with the same syntax one box).
    init(
        name: String, module: String, oid: ObjectIdentifier, kind: MIBNodeKind, sharedSyntax: SyntaxBox?,
        access: MIBAccess?, status: MIBStatus?, details: DetailValues
    ) {
        self.name = name
        self.module = module
        self.oid = oid
        self.kind = kind
        self.syntaxBox = sharedSyntax
        self.access = access
        self.status = status
        self.details = Details.make(details)
    }

    private mutating func updateDetails(_ change: (inout DetailValues) -> Void) {
        var values = details.values
        change(&values)
        details = Details.make(values)
    }

    /// The clauses most code never reads, out of line.
    struct DetailValues: Hashable, Sendable {
        var index: [MIBIndexPart] = []
        var augments: String?
        var units: String?
        var description: String?
        var reference: String?
        var defaultValue: String?
        var objects: [String] = []
    }

    /// Immutable; equal and hashed by value, so `MIBNode`'s synthesized `==` still compares every field.
    final class Details: Hashable, Sendable {
        let values: DetailValues
        init(values: DetailValues) { self.values = values }
        /// Shared by every node without any of the clauses (implicit arcs, most OBJECT IDENTIFIERs).
        static let empty = Details(values: DetailValues())
        static func make(_ values: DetailValues) -> Details {
            let isEmpty =
                values.index.isEmpty && values.objects.isEmpty && values.augments == nil && values.units == nil
                && values.description == nil && values.reference == nil && values.defaultValue == nil
            return isEmpty ? empty : Details(values: values)
        }
        var index: [MIBIndexPart] { values.index }
        var augments: String? { values.augments }
        var units: String? { values.units }
        var description: String? { values.description }
        var reference: String? { values.reference }
        var defaultValue: String? { values.defaultValue }
        var objects: [String] { values.objects }
        static func == (lhs: Details, rhs: Details) -> Bool { lhs === rhs || lhs.values == rhs.values }
        func hash(into hasher: inout Hasher) { hasher.combine(values) }
    }

    /// Immutable; equal and hashed by value.
    final class SyntaxBox: Hashable, Sendable {
        let value: MIBSyntax
        init(_ value: MIBSyntax) { self.value = value }
        static func == (lhs: SyntaxBox, rhs: SyntaxBox) -> Bool { lhs === rhs || lhs.value == rhs.value }
        func hash(into hasher: inout Hasher) { hasher.combine(value) }
    }
}
