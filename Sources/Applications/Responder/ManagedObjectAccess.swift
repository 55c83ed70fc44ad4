public import SNMPSMI

/// The MAX-ACCESS of an object (RFC 2578 §7.3), as the responder enforces it.
public enum ManagedObjectAccess: Hashable, Sendable {
    /// Index columns and the like: never returned, never written.
    case notAccessible
    /// Only carried in notifications: invisible to Get and Set.
    case accessibleForNotify
    /// Readable.
    case readOnly
    /// Readable and writable.
    case readWrite
    /// Readable, writable, and rows may be created through it.
    case readCreate

    /// Get, GetNext and GetBulk return it.
    public var isReadable: Bool { self == .readOnly || self == .readWrite || self == .readCreate }
    /// Set may change it.
    public var isWritable: Bool { self == .readWrite || self == .readCreate }
}

/// The syntax a writable object accepts, enough to give RFC 3416 §4.2.5's wrongType, wrongLength
/// and wrongValue before any instrumentation runs.
///
/// ```swift
/// let ifAdminStatus = ManagedObjectSyntax.integer(1...3)
/// let sysContact = ManagedObjectSyntax.octetString(size: 0...255)
/// ```
public struct ManagedObjectSyntax: Hashable, Sendable {
    /// The BER tag of the values the object holds.
    public var tag: UInt8
    /// For INTEGER: the allowed values.
    public var range: ClosedRange<Int64>?
    /// For OCTET STRING and Opaque: the allowed lengths.
    public var size: ClosedRange<Int>?

    /// Creates a syntax.
    public init(tag: UInt8, range: ClosedRange<Int64>? = nil, size: ClosedRange<Int>? = nil) {
        self.tag = tag
        self.range = range
        self.size = size
    }

    /// INTEGER / Integer32, optionally restricted.
    public static func integer(_ range: ClosedRange<Int32>? = nil) -> ManagedObjectSyntax {
        ManagedObjectSyntax(tag: BERTag.integer, range: range.map { Int64($0.lowerBound)...Int64($0.upperBound) })
    }
    /// OCTET STRING (DisplayString, PhysAddress, ...), optionally restricted in length.
    public static func octetString(size: ClosedRange<Int>? = nil) -> ManagedObjectSyntax {
        ManagedObjectSyntax(tag: BERTag.octetString, size: size)
    }
    /// OBJECT IDENTIFIER.
    public static let objectIdentifier = ManagedObjectSyntax(tag: BERTag.objectIdentifier)
    /// IpAddress.
    public static let ipAddress = ManagedObjectSyntax(tag: BERTag.ipAddress)
    /// Counter32.
    public static let counter32 = ManagedObjectSyntax(tag: BERTag.counter32)
    /// Gauge32 / Unsigned32, optionally restricted.
    public static func gauge32(_ range: ClosedRange<UInt32>? = nil) -> ManagedObjectSyntax {
        ManagedObjectSyntax(tag: BERTag.gauge32, range: range.map { Int64($0.lowerBound)...Int64($0.upperBound) })
    }
    /// TimeTicks.
    public static let timeTicks = ManagedObjectSyntax(tag: BERTag.timeTicks)
    /// Counter64.
    public static let counter64 = ManagedObjectSyntax(tag: BERTag.counter64)
    /// RowStatus (RFC 2579): INTEGER 1..6.
    public static let rowStatus = ManagedObjectSyntax(tag: BERTag.integer, range: 1...6)

    /// The error-status a Set of `value` earns on syntax alone (RFC 3416 §4.2.5 steps 3, 4 and 6),
    /// or `nil` when the value fits.
    public func check(_ value: SNMPValue) -> ErrorStatus? {
        guard value.tag == tag else { return .wrongType }
        switch value {
        case .octetString(let string), .opaque(let string):
            if let size, !size.contains(string.count) { return .wrongLength }
        case .integer(let number):
            if let range, !range.contains(Int64(number)) { return .wrongValue }
        case .gauge32(let number):
            if let range, !range.contains(Int64(number)) { return .wrongValue }
        default:
            break
        }
        return nil
    }
}
