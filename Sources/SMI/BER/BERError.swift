/// A malformed BER encoding, with where it was found.
///
/// Match on the code: `catch let error as BERError where error.code == .truncated`.
public struct BERError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: Hashable, Sendable {
            case truncated, invalidLength, unexpectedTag, invalidInteger, integerOverflow
            case invalidObjectIdentifier, lengthLimitExceeded, trailingBytes, unsupportedTag
            case invalidValue
        }
        fileprivate let base: Base

        /// The input ended inside a TLV.
        public static let truncated = Code(base: .truncated)
        /// A length field that is indefinite, too long, or larger than what follows.
        public static let invalidLength = Code(base: .invalidLength)
        /// A TLV had a different tag than the grammar requires here.
        public static let unexpectedTag = Code(base: .unexpectedTag)
        /// An INTEGER with zero content octets.
        public static let invalidInteger = Code(base: .invalidInteger)
        /// An INTEGER that does not fit the type it decodes to.
        public static let integerOverflow = Code(base: .integerOverflow)
        /// An OBJECT IDENTIFIER that is empty, has a truncated or over-long arc, or too many arcs.
        public static let invalidObjectIdentifier = Code(base: .invalidObjectIdentifier)
        /// A value longer than the decoder's limit.
        public static let lengthLimitExceeded = Code(base: .lengthLimitExceeded)
        /// Bytes follow the outermost TLV.
        public static let trailingBytes = Code(base: .trailingBytes)
        /// A multi-octet (high) tag number, which SNMP never uses.
        public static let unsupportedTag = Code(base: .unsupportedTag)
        /// A value whose contents are wrong for its type (e.g. NULL with content, IpAddress of 5 octets).
        public static let invalidValue = Code(base: .invalidValue)

        public var description: String {
            switch base {
            case .truncated: return "truncated"
            case .invalidLength: return "invalid length"
            case .unexpectedTag: return "unexpected tag"
            case .invalidInteger: return "invalid INTEGER"
            case .integerOverflow: return "INTEGER out of range"
            case .invalidObjectIdentifier: return "invalid OBJECT IDENTIFIER"
            case .lengthLimitExceeded: return "length limit exceeded"
            case .trailingBytes: return "trailing bytes"
            case .unsupportedTag: return "unsupported tag"
            case .invalidValue: return "invalid value"
            }
        }
    }

    /// What was wrong.
    public let code: Code
    /// Detail for people (never includes secrets).
    public let reason: String
    /// Source file that raised it (`#fileID`), for bug reports.
    public let file: String
    /// Source line that raised it.
    public let line: Int

    /// Creates an error.
    public init(_ code: Code, _ reason: String = "", file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
    }

    public static func == (lhs: BERError, rhs: BERError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public var description: String {
        reason.isEmpty ? "BER: \(code)" : "BER: \(code): \(reason)"
    }
}
