public import SNMPSMI

/// Why an SNMP operation failed: what a manager or script catches.
///
/// ```swift
/// do {
///     _ = try await client.get("1.3.6.1.2.1.1.1.0")
/// } catch let error as SNMPError where error.code == .timeout {
///     print("no answer")
/// } catch let error as SNMPError where error.code == .errorStatus {
///     print("agent said \(error.errorStatus!) at varbind \(error.errorIndex)")
/// }
/// ```
public struct SNMPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: Hashable, Sendable {
            case timeout, errorStatus, notIncreasing, unexpectedResponse, transport, shutdown, badAddress
            case encoding, unsupportedPDU, authentication, security, invalidArgument, configuration
            case unknownUserName, unsupportedSecurityLevel, notInTimeWindow, unknownEngineID, decryptionError
        }
        fileprivate let base: Base

        /// No response after the last retry (a wrong community looks the same: agents drop such requests).
        public static let timeout = Code(base: .timeout)
        /// The agent answered with a non-zero error-status; see ``SNMPError/errorStatus``.
        public static let errorStatus = Code(base: .errorStatus)
        /// A walk received an OID not after the previous one (Net-SNMP's "OID not increasing").
        public static let notIncreasing = Code(base: .notIncreasing)
        /// The response was not a Response-PDU or did not fit the request.
        public static let unexpectedResponse = Code(base: .unexpectedResponse)
        /// A socket could not be opened or used.
        public static let transport = Code(base: .transport)
        /// The engine was shut down.
        public static let shutdown = Code(base: .shutdown)
        /// The agent address did not parse or resolve.
        public static let badAddress = Code(base: .badAddress)
        /// The request could not be encoded.
        public static let encoding = Code(base: .encoding)
        /// The PDU cannot be sent with this SNMP version (e.g. GetBulk over SNMPv1).
        public static let unsupportedPDU = Code(base: .unsupportedPDU)
        /// Authentication failed: the agent reported usmStatsWrongDigests (wrong password or key).
        public static let authentication = Code(base: .authentication)
        /// The agent does not know the user (usmStatsUnknownUserNames).
        public static let unknownUserName = Code(base: .unknownUserName)
        /// The user cannot do the requested security level (usmStatsUnsupportedSecLevels).
        public static let unsupportedSecurityLevel = Code(base: .unsupportedSecurityLevel)
        /// Time synchronisation failed (usmStatsNotInTimeWindows after a resynchronisation).
        public static let notInTimeWindow = Code(base: .notInTimeWindow)
        /// The agent does not know the engine ID addressed (usmStatsUnknownEngineIDs).
        public static let unknownEngineID = Code(base: .unknownEngineID)
        /// The agent could not decrypt the request (usmStatsDecryptionErrors).
        public static let decryptionError = Code(base: .decryptionError)
        /// Another security-model failure; see ``SNMPError/reason``.
        public static let security = Code(base: .security)
        /// An argument was out of range.
        public static let invalidArgument = Code(base: .invalidArgument)
        /// A configuration or state file could not be read or has a bad line; the reason names the line.
        public static let configuration = Code(base: .configuration)

        public var description: String {
            switch base {
            case .timeout: return "timeout"
            case .errorStatus: return "error status"
            case .notIncreasing: return "OID not increasing"
            case .unexpectedResponse: return "unexpected response"
            case .transport: return "transport error"
            case .shutdown: return "shut down"
            case .badAddress: return "bad address"
            case .encoding: return "encoding error"
            case .unsupportedPDU: return "unsupported PDU"
            case .authentication: return "authentication failure"
            case .security: return "security error"
            case .invalidArgument: return "invalid argument"
            case .unknownUserName: return "unknown user name"
            case .unsupportedSecurityLevel: return "unsupported security level"
            case .notInTimeWindow: return "not in time window"
            case .unknownEngineID: return "unknown engine ID"
            case .decryptionError: return "decryption error"
            case .configuration: return "configuration error"
            }
        }
    }

    /// What went wrong.
    public let code: Code
    /// Detail for people (never contains secrets).
    public let reason: String
    /// For `.errorStatus`: the agent's error-status.
    public let errorStatus: ErrorStatus?
    /// For `.errorStatus`: the 1-based index of the failing varbind (0 = none).
    public let errorIndex: Int
    /// For `.errorStatus`: the whole response, for callers that need the other varbinds.
    public let response: PDU?
    /// For `.notIncreasing`: the previous OID and the one received.
    public let previousOID: ObjectIdentifier?
    /// For `.notIncreasing`: the OID that was not after `previousOID`.
    public let receivedOID: ObjectIdentifier?
    /// For SNMPv3 failures the agent reported: the usmStats (or other) counter its Report carried.
    public let reportOID: ObjectIdentifier?

    /// Creates an error.
    public init(_ code: Code, _ reason: String = "", errorStatus: ErrorStatus? = nil, errorIndex: Int = 0,
                response: PDU? = nil, previousOID: ObjectIdentifier? = nil, receivedOID: ObjectIdentifier? = nil,
                reportOID: ObjectIdentifier? = nil) {
        self.code = code
        self.reason = reason
        self.errorStatus = errorStatus
        self.errorIndex = errorIndex
        self.response = response
        self.previousOID = previousOID
        self.receivedOID = receivedOID
        self.reportOID = reportOID
    }

    /// The error for a response whose error-status is not `noError`.
    public static func errorStatus(in response: PDU) -> SNMPError {
        SNMPError(.errorStatus, "\(response.errorStatus)", errorStatus: response.errorStatus,
                  errorIndex: Int(response.errorIndex), response: response)
    }

    /// The varbind the error-index points at, if any.
    public var failedVarBind: VarBind? {
        guard let response, errorIndex >= 1, errorIndex <= response.varBinds.count else { return nil }
        return response.varBinds[errorIndex - 1]
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.code == rhs.code && lhs.errorStatus == rhs.errorStatus && lhs.errorIndex == rhs.errorIndex
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(errorStatus)
    }

    public var description: String {
        if code == .errorStatus, let errorStatus {
            return "SNMP error-status \(errorStatus) at index \(errorIndex)"
        }
        return reason.isEmpty ? "SNMP \(code)" : "SNMP \(code): \(reason)"
    }
}
