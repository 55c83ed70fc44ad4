public import SNMPSMI
public import SNMPSecurity

/// Why the dispatcher could not complete a `sendPdu` (RFC 3411 §4.1.1): the one error type that crosses the
/// seam between the dispatcher and the applications. Errors of the message processing and security models
/// are translated into it once, where they happen.
public struct DispatcherError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: Hashable, Sendable {
            case timeout, shutdown, transport, badAddress, encoding, unsupportedPDU, security, unexpectedResponse
        }
        fileprivate let base: Base

        /// No response after the last retry.
        public static let timeout = Code(base: .timeout)
        /// The dispatcher was shut down while the request was pending.
        public static let shutdown = Code(base: .shutdown)
        /// The socket could not be opened or written.
        public static let transport = Code(base: .transport)
        /// The agent address could not be parsed or resolved.
        public static let badAddress = Code(base: .badAddress)
        /// The message could not be built.
        public static let encoding = Code(base: .encoding)
        /// The PDU cannot travel in the chosen version (RFC 3584 §4.2), e.g. GetBulk in SNMPv1.
        public static let unsupportedPDU = Code(base: .unsupportedPDU)
        /// The security model refused to send, or the agent answered with a USM Report: see ``DispatcherError/usm``.
        public static let security = Code(base: .security)
        /// The answer was not a Response of the request's version and security level (RFC 3412 §7.2 step 12).
        public static let unexpectedResponse = Code(base: .unexpectedResponse)

        public var description: String {
            switch base {
            case .timeout: return "timeout"
            case .shutdown: return "dispatcher shut down"
            case .transport: return "transport error"
            case .badAddress: return "bad address"
            case .encoding: return "cannot encode message"
            case .unsupportedPDU: return "PDU not supported by this version"
            case .security: return "security error"
            case .unexpectedResponse: return "unexpected response"
            }
        }
    }

    /// What went wrong.
    public let code: Code
    /// Detail for people.
    public let reason: String
    /// For ``Code/security``: the security model's error.
    public let usm: USMError?
    /// For ``Code/security``: the usmStats counter of the agent's Report, when the agent sent one.
    public let reportOID: ObjectIdentifier?

    /// Creates an error.
    public init(_ code: Code, _ reason: String = "", usm: USMError? = nil, reportOID: ObjectIdentifier? = nil) {
        self.code = code
        self.reason = reason
        self.usm = usm
        self.reportOID = reportOID
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
    public var description: String { reason.isEmpty ? "\(code)" : "\(code): \(reason)" }
}
