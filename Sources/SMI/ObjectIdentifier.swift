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
///
/// Up to ``inlineCapacity`` arcs are stored inside the value itself, so decoding a message allocates nothing
/// per OID in the common case; longer OIDs use an array.
public struct ObjectIdentifier: Sendable {
    @usableFromInline typealias InlineArcs = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32,
                                              UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// How many arcs fit without a heap allocation.
    public static let inlineCapacity = 16
    /// The longest OID SNMP allows (RFC 2578 §3.5: at most 128 sub-identifiers).
    public static let maximumArcCount = 128

    @usableFromInline var storedCount: Int
    @usableFromInline var inlineArcs: InlineArcs
    /// All arcs when there are more than ``inlineCapacity``; empty otherwise.
    @usableFromInline var heapArcs: [UInt32]

    @inlinable
    static var zeroArcs: InlineArcs { (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) }

    /// Creates an OID from arcs in memory.
    @inlinable
    public init(_ arcs: UnsafeBufferPointer<UInt32>) {
        storedCount = arcs.count
        inlineArcs = Self.zeroArcs
        if arcs.count <= Self.inlineCapacity {
            heapArcs = []
            withUnsafeMutableBytes(of: &inlineArcs) { raw in
                if let base = arcs.baseAddress, arcs.count > 0 {
                    raw.baseAddress?.copyMemory(from: base, byteCount: arcs.count * MemoryLayout<UInt32>.stride)
                }
            }
        } else {
            heapArcs = Array(arcs)
        }
    }

    /// Creates an OID from its arcs.
    @inlinable
    public init(_ arcs: [UInt32]) {
        if arcs.count > Self.inlineCapacity {
            storedCount = arcs.count
            inlineArcs = Self.zeroArcs
            heapArcs = arcs
        } else {
            self = arcs.withUnsafeBufferPointer { ObjectIdentifier($0) }
        }
    }

    /// Creates an OID from a sequence of arcs.
    @inlinable
    public init(arcs: some Sequence<UInt32>) {
        self.init(Array(arcs))
    }

    /// Parses dotted-decimal text such as `"1.3.6.1.2.1.1.1.0"` or `".1.3.6"`.
    ///
    /// Returns `nil` when the text is empty, has an empty arc, a non-digit, an arc above `UInt32.max`, or
    /// more than ``maximumArcCount`` arcs.
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
        self.init(arcs)
    }

    /// Calls `body` with the arcs, without copying them.
    @inlinable
    public func withArcs<R>(_ body: (UnsafeBufferPointer<UInt32>) throws -> R) rethrows -> R {
        if storedCount <= Self.inlineCapacity {
            return try withUnsafeBytes(of: inlineArcs) { raw in
                try body(UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt32.self),
                                             count: storedCount))
            }
        }
        return try heapArcs.withUnsafeBufferPointer(body)
    }

    /// The arcs, first to last (an array is made on each read: prefer ``withArcs(_:)``, ``count`` and the
    /// subscript on hot paths).
    @inlinable
    public var arcs: [UInt32] {
        get { withArcs { Array($0) } }
        set { self = ObjectIdentifier(newValue) }
    }

    /// The number of arcs.
    @inlinable public var count: Int { storedCount }

    /// `true` when the OID has no arcs (never valid on the wire).
    @inlinable public var isEmpty: Bool { storedCount == 0 }

    /// The arc at `index` (0-based); `index` must be below ``count``, as with an array.
    @inlinable
    public subscript(index: Int) -> UInt32 {
        precondition(index >= 0 && index < storedCount, "OID arc index out of range")
        return withArcs { $0[index] }
    }

    /// The last arc, if any.
    @inlinable public var last: UInt32? { storedCount == 0 ? nil : self[storedCount - 1] }

    /// `true` when every arc of `self` starts `other` (an OID is a prefix of itself).
    @inlinable
    public func isPrefix(of other: ObjectIdentifier) -> Bool {
        guard other.storedCount >= storedCount else { return false }
        return withArcs { mine in
            other.withArcs { theirs in
                var i = 0
                while i < mine.count {
                    if mine[i] != theirs[i] { return false }
                    i += 1
                }
                return true
            }
        }
    }

    /// `true` when `other` lies strictly inside the subtree rooted at `self`.
    @inlinable
    public func contains(_ other: ObjectIdentifier) -> Bool {
        other.storedCount > storedCount && isPrefix(of: other)
    }

    /// A new OID with `suffix` appended.
    @inlinable
    public func appending(_ suffix: some Sequence<UInt32>) -> ObjectIdentifier {
        var all = arcs
        all.append(contentsOf: suffix)
        return ObjectIdentifier(all)
    }

    /// A new OID with one arc appended.
    @inlinable
    public func appending(_ arc: UInt32) -> ObjectIdentifier {
        if storedCount < Self.inlineCapacity {
            var copy = self
            withUnsafeMutableBytes(of: &copy.inlineArcs) { raw in
                raw.storeBytes(of: arc, toByteOffset: storedCount * MemoryLayout<UInt32>.stride, as: UInt32.self)
            }
            copy.storedCount += 1
            return copy
        }
        return appending(CollectionOfOne(arc))
    }

    /// A new OID with the arcs of `other` appended.
    @inlinable
    public func appending(_ other: ObjectIdentifier) -> ObjectIdentifier {
        other.withArcs { appending($0) }
    }

    /// The arcs after `prefix`, or `nil` when `prefix` does not start `self`.
    @inlinable
    public func suffix(after prefix: ObjectIdentifier) -> ArraySlice<UInt32>? {
        guard prefix.isPrefix(of: self) else { return nil }
        return arcs[prefix.count...]
    }

    /// The OID without its first `k` arcs (empty when `k` is `count` or more).
    @inlinable
    public func dropFirst(_ k: Int) -> ObjectIdentifier {
        withArcs { ObjectIdentifier(UnsafeBufferPointer(rebasing: $0.dropFirst(Swift.max(0, k)))) }
    }

    /// The first `length` arcs (all of them when `length` is larger).
    @inlinable
    public func prefix(_ length: Int) -> ObjectIdentifier {
        withArcs { ObjectIdentifier(UnsafeBufferPointer(rebasing: $0.prefix(Swift.max(0, length)))) }
    }
}

extension ObjectIdentifier: Hashable, Comparable {
    @inlinable
    public static func == (lhs: ObjectIdentifier, rhs: ObjectIdentifier) -> Bool {
        guard lhs.storedCount == rhs.storedCount else { return false }
        return lhs.withArcs { l in rhs.withArcs { r in l.elementsEqual(r) } }
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storedCount)
        withArcs { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    @inlinable
    public static func < (lhs: ObjectIdentifier, rhs: ObjectIdentifier) -> Bool {
        lhs.withArcs { l in
            rhs.withArcs { r in
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
    /// A malformed literal gives the empty OID rather than stopping the program; the empty OID cannot be
    /// encoded (``isEncodable`` is `false`), so a request carrying it fails with a typed error before it is sent.
    /// Text from the wire, a file or a user goes through the failable ``init(_:)-(StringProtocol)`` instead.
    public init(stringLiteral value: String) {
        self = ObjectIdentifier(value) ?? ObjectIdentifier([UInt32]())
    }
}

extension ObjectIdentifier {
    /// `true` when BER can carry the OID (X.690 §8.19.4): at least one arc, the first 0, 1 or 2, and the second
    /// below 40 unless the first is 2. A single arc goes out as `X.0`, as Net-SNMP sends it (`snmpwalk .1`);
    /// other OIDs, the empty one included, would encode to a different OID.
    @inlinable
    public var isEncodable: Bool {
        guard storedCount >= 1 else { return false }
        let first = self[0]
        guard first <= 2 else { return false }
        return storedCount == 1 || first == 2 || self[1] < 40
    }
}

extension ObjectIdentifier: ExpressibleByArrayLiteral {
    /// Creates an OID from a literal list of arcs, e.g. `[1, 3, 6, 1]`.
    public init(arrayLiteral elements: UInt32...) {
        self.init(elements)
    }
}

extension ObjectIdentifier: CustomStringConvertible, CustomDebugStringConvertible {
    /// Dotted-decimal text without a leading dot: `1.3.6.1.2.1.1.1.0`.
    public var description: String {
        var text = ""
        text.reserveCapacity(storedCount * 3)
        withArcs { arcs in
            for (i, arc) in arcs.enumerated() {
                if i > 0 { text.append(".") }
                text.append(String(arc))
            }
        }
        return text
    }

    /// Dotted-decimal text with Net-SNMP's leading dot: `.1.3.6.1.2.1.1.1.0` (the `-On` form).
    public var dottedWithLeadingDot: String {
        var text = ""
        text.reserveCapacity(storedCount * 3 + 1)
        withArcs { arcs in
            for arc in arcs {
                text.append(".")
                text.append(String(arc))
            }
        }
        return text
    }

    public var debugDescription: String { "OID(\(description))" }
}

/// A short name for ``ObjectIdentifier``.
public typealias OID = ObjectIdentifier

/// Accumulates arcs into an ``ObjectIdentifier`` without a heap allocation while they fit inline
/// (the BER decoder's path).
@usableFromInline
struct ObjectIdentifierBuilder {
    @usableFromInline var oid: ObjectIdentifier

    @inlinable
    init() {
        oid = ObjectIdentifier(UnsafeBufferPointer(start: nil, count: 0))
    }

    @inlinable var count: Int { oid.storedCount }

    @inlinable
    mutating func append(_ arc: UInt32) {
        let index = oid.storedCount
        if index < ObjectIdentifier.inlineCapacity {
            withUnsafeMutableBytes(of: &oid.inlineArcs) { raw in
                raw.storeBytes(of: arc, toByteOffset: index * MemoryLayout<UInt32>.stride, as: UInt32.self)
            }
        } else {
            if index == ObjectIdentifier.inlineCapacity {
                var spilled = oid.withArcs { Array($0) }
                spilled.reserveCapacity(32)
                oid.heapArcs = spilled
            }
            oid.heapArcs.append(arc)
        }
        oid.storedCount = index + 1
    }
}
