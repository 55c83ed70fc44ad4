public import SNMPSMI

/// What the renderer needs to know about MIBs: the symbolic form of an OID and how to print the
/// value of an object. The MIB store conforms; ``NoMIBRenderingContext`` is the empty MIB.
///
/// Both look-ups run once per varbind on the hot path of a walk, so conformers should answer from
/// prebuilt indexes.
public protocol MIBRenderingContext: Sendable {
    /// The symbolic breakdown of `oid`: the labels of the deepest known node on its path, that
    /// node's module, and the remaining arcs rendered as an index suffix.
    ///
    /// `options` carries `-Ob`, `-OX` and `-OE`, which change how the index is written. Return `nil`
    /// when no node is known; the renderer then uses Net-SNMP's built-in roots
    /// (`ccitt`, `iso`, `joint-iso-ccitt`).
    func resolveName(of oid: ObjectIdentifier, options: OutputOptions) -> ResolvedObjectName?

    /// Enumerations, BITS labels, DISPLAY-HINT, UNITS and syntax of the object `oid` is an instance
    /// of, or `nil` when no leaf object covers `oid` (the value is then printed by its wire type).
    func displayInfo(for oid: ObjectIdentifier) -> ObjectDisplayInfo?
}

/// The symbolic form of an OID, before an `-O` name style picks the parts to print.
///
/// For `1.3.6.1.2.1.2.2.1.3.2` with IF-MIB loaded: `labels` = `["iso", "org", "dod", "internet",
/// "mgmt", "mib-2", "interfaces", "ifTable", "ifEntry", "ifType"]`, `moduleName` = `"IF-MIB"`,
/// `index` = `".2"` (or `"[2]"` under `-OX`).
public struct ResolvedObjectName: Hashable, Sendable {
    /// The label of every arc from the root to the deepest known node; empty when even the root
    /// arc is unknown (the OID is then printed numerically, with a leading dot).
    public var labels: [String]
    /// The module defining the deepest known node; `nil` prints no `MODULE::`.
    public var moduleName: String?
    /// The arcs after the deepest known node, already written out: `.2`, `.1."comm1"`, `[2]`, or
    /// empty.
    public var index: String

    /// Creates a resolved name.
    public init(labels: [String], moduleName: String?, index: String) {
        self.labels = labels
        self.moduleName = moduleName
        self.index = index
    }
}

/// How the MIB says to print an object's value (Net-SNMP's `struct tree` fields `type`, `enums`,
/// `hint`, `units`).
///
/// ```swift
/// let ifType = ObjectDisplayInfo(syntax: .integer, enumLabels: [1: "other", 6: "ethernetCsmacd"])
/// let physAddress = ObjectDisplayInfo(syntax: .octetString, displayHint: "1x:")
/// ```
public struct ObjectDisplayInfo: Hashable, Sendable {
    /// The base syntax of the object, which selects Net-SNMP's printer.
    public enum Syntax: Hashable, Sendable {
        /// `INTEGER`, `Integer32` and enumerated integers.
        case integer
        /// `OCTET STRING` and its textual conventions.
        case octetString
        /// `OBJECT IDENTIFIER`.
        case objectIdentifier
        /// `IpAddress`.
        case ipAddress
        /// SMIv1 `NetworkAddress` (printed as colon-separated hex).
        case networkAddress
        /// `Counter32` / `Counter`.
        case counter32
        /// `Gauge32` and `Unsigned32` (Net-SNMP prints both with the gauge printer).
        case gauge32
        /// `TimeTicks`.
        case timeTicks
        /// `Opaque`.
        case opaque
        /// `Counter64`.
        case counter64
        /// `BITS`.
        case bits
        /// `NsapAddress`.
        case nsapAddress
        /// The historic `UInteger32`.
        case uinteger32
        /// `NULL`.
        case null
        /// Anything else: the value is printed by its wire type, with the hints below still passed on.
        case other
    }

    /// The base syntax.
    public var syntax: Syntax
    /// Named numbers of an enumerated INTEGER, or named bits of BITS (bit number -> label).
    public var enumLabels: [Int64: String]
    /// The DISPLAY-HINT of the object's textual convention, if any.
    public var displayHint: String?
    /// The UNITS clause, if any.
    public var units: String?

    /// Creates display information.
    public init(syntax: Syntax, enumLabels: [Int64: String] = [:], displayHint: String? = nil,
                units: String? = nil) {
        self.syntax = syntax
        self.enumLabels = enumLabels
        self.displayHint = displayHint
        self.units = units
    }
}

/// The rendering context with no MIB loaded (Debian's default `mibs :`): only the three root arcs
/// have names, so `1.3.6.1.2.1.1.1.0` prints as `iso.3.6.1.2.1.1.1.0`.
public struct NoMIBRenderingContext: MIBRenderingContext {
    /// Creates the empty context.
    public init() {}

    /// Always `nil`: the renderer falls back to the built-in roots.
    public func resolveName(of oid: ObjectIdentifier, options: OutputOptions) -> ResolvedObjectName? { nil }

    /// Always `nil`: values print by their wire type.
    public func displayInfo(for oid: ObjectIdentifier) -> ObjectDisplayInfo? { nil }
}
