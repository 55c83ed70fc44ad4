/// An SNMP OBJECT IDENTIFIER: a sequence of unsigned 32-bit arcs.
///
/// Object identifiers order lexicographically by arc, which is the order SNMP walks a MIB in
/// (RFC 3416 §4.2.2). They parse from dotted text with or without a leading dot.
///
/// ```swift
/// let sysDescr: ObjectIdentifier = "1.3.6.1.2.1.1.1.0"
/// let system = ObjectIdentifier("1.3.6.1.2.1.1")!
/// system.isPrefix(of: sysDescr)   // true
/// sysDescr.description            // "1.3.6.1.2.1.1.1.0"
/// ```
public struct ObjectIdentifier: Hashable, Sendable, Comparable {
    /// The arcs, first to last.
    public var arcs: [UInt32]

    /// The longest OID SNMP allows (RFC 2578 §3.5: at most 128 sub-identifiers).
    public static let maximumArcCount = 128

    /// Creates an OID from its arcs.
    @inlinable
    public init(_ arcs: [UInt32]) {
        self.arcs = arcs
    }

    /// Creates an OID from a sequence of arcs.
    @inlinable
    public init(arcs: some Sequence<UInt32>) {
        self.arcs = Array(arcs)
    }

    /// Parses dotted-decimal text such as `"1.3.6.1.2.1.1.1.0"` or `".1.3.6"`.
    ///
    /// Returns `nil` when the text is empty, has an empty arc, a non-digit, or an arc above `UInt32.max`.
    public init?(_ text: some StringProtocol) {
        var arcs: [UInt32] = []
        arcs.reserveCapacity(16)
        var utf8 = Substring(text).utf8[...]
        if utf8.first == UInt8(ascii: ".") { utf8 = utf8.dropFirst() }
        if utf8.isEmpty { return nil }
        var current: UInt64 = 0
        var digits = 0
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return nil }
                arcs.append(UInt32(current))
                current = 0
                digits = 0
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                current = current * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                guard current <= UInt64(UInt32.max) else { return nil }
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        arcs.append(UInt32(current))
        guard arcs.count <= Self.maximumArcCount else { return nil }
        self.arcs = arcs
    }

    /// The number of arcs.
    @inlinable public var count: Int { arcs.count }

    /// `true` when the OID has no arcs (never valid on the wire).
    @inlinable public var isEmpty: Bool { arcs.isEmpty }

    /// `true` when every arc of `self` starts `other` (an OID is a prefix of itself).
    @inlinable
    public func isPrefix(of other: ObjectIdentifier) -> Bool {
        other.arcs.count >= arcs.count && other.arcs.starts(with: arcs)
    }

    /// `true` when `other` lies strictly inside the subtree rooted at `self`.
    @inlinable
    public func contains(_ other: ObjectIdentifier) -> Bool {
        other.arcs.count > arcs.count && other.arcs.starts(with: arcs)
    }

    /// A new OID with `suffix` appended.
    @inlinable
    public func appending(_ suffix: some Sequence<UInt32>) -> ObjectIdentifier {
        var copy = self
        copy.arcs.append(contentsOf: suffix)
        return copy
    }

    /// A new OID with one arc appended.
    @inlinable
    public func appending(_ arc: UInt32) -> ObjectIdentifier {
        var copy = self
        copy.arcs.append(arc)
        return copy
    }

    /// A new OID with the arcs of `other` appended.
    @inlinable
    public func appending(_ other: ObjectIdentifier) -> ObjectIdentifier {
        appending(other.arcs)
    }

    /// The arcs after `prefix`, or `nil` when `prefix` does not start `self`.
    @inlinable
    public func suffix(after prefix: ObjectIdentifier) -> ArraySlice<UInt32>? {
        guard prefix.isPrefix(of: self) else { return nil }
        return arcs[prefix.arcs.count...]
    }

    @inlinable
    public static func < (lhs: ObjectIdentifier, rhs: ObjectIdentifier) -> Bool {
        lhs.arcs.withUnsafeBufferPointer { l in
            rhs.arcs.withUnsafeBufferPointer { r in
                let n = Swift.min(l.count, r.count)
                var i = 0
                while i < n {
                    if l[i] != r[i] { return l[i] < r[i] }
                    i += 1
                }
                return l.count < r.count
            }
        }
    }
}

extension ObjectIdentifier: ExpressibleByStringLiteral {
    /// Creates an OID from a literal such as `"1.3.6.1.2.1.1.1.0"`.
    ///
    /// A malformed literal is a programming error in the source, not input: it traps at run time
    /// with the literal in the message, the way `URL(string:)!` on a literal would.
    public init(stringLiteral value: String) {
        guard let oid = ObjectIdentifier(value) else {
            preconditionFailure("invalid OBJECT IDENTIFIER literal \"\(value)\"")
        }
        self = oid
    }
}

extension ObjectIdentifier: ExpressibleByArrayLiteral {
    /// Creates an OID from a literal list of arcs, e.g. `[1, 3, 6, 1]`.
    public init(arrayLiteral elements: UInt32...) {
        self.arcs = elements
    }
}

extension ObjectIdentifier: CustomStringConvertible, CustomDebugStringConvertible {
    /// Dotted-decimal text without a leading dot: `1.3.6.1.2.1.1.1.0`.
    public var description: String {
        var text = ""
        text.reserveCapacity(arcs.count * 3)
        for (i, arc) in arcs.enumerated() {
            if i > 0 { text.append(".") }
            text.append(String(arc))
        }
        return text
    }

    /// Dotted-decimal text with Net-SNMP's leading dot: `.1.3.6.1.2.1.1.1.0` (the `-On` form).
    public var dottedWithLeadingDot: String {
        var text = ""
        text.reserveCapacity(arcs.count * 3 + 1)
        for arc in arcs {
            text.append(".")
            text.append(String(arc))
        }
        return text
    }

    public var debugDescription: String { "OID(\(description))" }
}

/// A short name for ``ObjectIdentifier``.
public typealias OID = ObjectIdentifier
