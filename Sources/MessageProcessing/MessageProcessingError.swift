public import SNMPSMI

/// Why an incoming message was dropped by message processing (RFC 3412 §4.2.1, RFC 3584 §5).
///
/// Each code names the counter the RFCs increment for it, so a receiver can count without re-parsing.
public struct MessageProcessingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: Hashable, Sendable { case parse, badVersion, badCommunity, unsupportedPDU, unknownSecurityModel }
        fileprivate let base: Base

        /// The message did not decode (snmpInASNParseErrs).
        public static let parseError = Code(base: .parse)
        /// The version field names no model this engine runs (snmpInBadVersions).
        public static let badVersion = Code(base: .badVersion)
        /// The community is not known (snmpInBadCommunityNames).
        public static let badCommunity = Code(base: .badCommunity)
        /// The PDU cannot travel in this version, e.g. GetBulk in SNMPv1.
        public static let unsupportedPDU = Code(base: .unsupportedPDU)
        /// The security model is not available (snmpUnknownSecurityModels).
        public static let unknownSecurityModel = Code(base: .unknownSecurityModel)

        public var description: String {
            switch base {
            case .parse: return "parse error"
            case .badVersion: return "bad version"
            case .badCommunity: return "bad community"
            case .unsupportedPDU: return "PDU not supported by this version"
            case .unknownSecurityModel: return "unknown security model"
            }
        }
    }

    /// What was wrong.
    public let code: Code
    /// The BER error behind a parse error.
    public let underlying: BERError?
    /// Detail for people.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String = "", underlying: BERError? = nil) {
        self.code = code
        self.reason = reason
        self.underlying = underlying
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public var description: String {
        if let underlying { return "\(code): \(underlying)" }
        return reason.isEmpty ? "\(code)" : "\(code): \(reason)"
    }
}
