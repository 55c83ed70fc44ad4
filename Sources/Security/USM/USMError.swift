public import SNMPSMI

/// A failure of the User-based Security Model, with what the caller must report (RFC 3414 §3.2).
///
/// Match on the code: `catch let error as USMError where error.code == .wrongDigest`. Errors found while
/// processing an incoming message carry ``report``: the usmStats counter to put in a Report PDU, its value
/// after the increment, and the security level to send that Report at. Never contains a secret.
public struct USMError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: Hashable, Sendable {
            case unsupportedSecurityLevel, notInTimeWindow, unknownUserName, unknownEngineID
            case wrongDigest, decryptionError, parseError, encryptionError, unsupportedAuthProtocol
            case unsupportedPrivProtocol, invalidKey, cryptoBackend, legacyProviderUnavailable
            case discoveryFailed
        }
        fileprivate let base: Base

        /// usmStatsUnsupportedSecLevels: the user cannot do the level the message asks for (§3.2 step 5).
        public static let unsupportedSecurityLevel = Code(base: .unsupportedSecurityLevel)
        /// usmStatsNotInTimeWindows: boots/time outside the 150-second window (§3.2 step 7).
        public static let notInTimeWindow = Code(base: .notInTimeWindow)
        /// usmStatsUnknownUserNames (§3.2 step 4).
        public static let unknownUserName = Code(base: .unknownUserName)
        /// usmStatsUnknownEngineIDs (§3.2 step 3).
        public static let unknownEngineID = Code(base: .unknownEngineID)
        /// usmStatsWrongDigests: the HMAC did not match (§3.2 step 6).
        public static let wrongDigest = Code(base: .wrongDigest)
        /// usmStatsDecryptionErrors: bad privParameters or ciphertext (§3.2 step 8).
        public static let decryptionError = Code(base: .decryptionError)
        /// msgSecurityParameters or the decrypted scopedPDU is not valid BER (§3.2 step 1; snmpInASNParseErrs).
        public static let parseError = Code(base: .parseError)
        /// The scopedPDU could not be encrypted (§3.1 step 4a).
        public static let encryptionError = Code(base: .encryptionError)
        /// An authentication protocol this implementation does not know.
        public static let unsupportedAuthProtocol = Code(base: .unsupportedAuthProtocol)
        /// A privacy protocol this implementation does not know.
        public static let unsupportedPrivProtocol = Code(base: .unsupportedPrivProtocol)
        /// A key or passphrase that cannot be used (empty passphrase, key too short).
        public static let invalidKey = Code(base: .invalidKey)
        /// libcrypto failed where it should not.
        public static let cryptoBackend = Code(base: .cryptoBackend)
        /// Single DES needs OpenSSL's legacy provider and it could not be loaded.
        public static let legacyProviderUnavailable = Code(base: .legacyProviderUnavailable)
        /// Engine discovery or time synchronisation gave up (RFC 3414 §4).
        public static let discoveryFailed = Code(base: .discoveryFailed)

        public var description: String {
            switch base {
            case .unsupportedSecurityLevel: return "unsupported security level"
            case .notInTimeWindow: return "not in time window"
            case .unknownUserName: return "unknown user name"
            case .unknownEngineID: return "unknown engine ID"
            case .wrongDigest: return "wrong digest"
            case .decryptionError: return "decryption error"
            case .parseError: return "parse error"
            case .encryptionError: return "encryption error"
            case .unsupportedAuthProtocol: return "unsupported authentication protocol"
            case .unsupportedPrivProtocol: return "unsupported privacy protocol"
            case .invalidKey: return "invalid key"
            case .cryptoBackend: return "crypto backend failure"
            case .legacyProviderUnavailable: return "OpenSSL legacy provider unavailable"
            case .discoveryFailed: return "engine discovery failed"
            }
        }
    }

    /// What a Report PDU for this error must carry (RFC 3412 §7.1 step 3, RFC 3414 §3.2).
    public struct Report: Hashable, Sendable {
        /// The usmStats counter instance, e.g. `1.3.6.1.6.3.15.1.1.5.0` for usmStatsWrongDigests.
        public var counter: ObjectIdentifier
        /// The counter's value after this error incremented it.
        public var value: UInt32
        /// Who to send the Report as and at which level: noAuthNoPriv with the received user name, except
        /// notInTimeWindow, which goes out authenticated as the same user (§3.2 step 7a).
        public var stateReference: USMSecurityStateReference

        /// The level to send the Report at.
        public var securityLevel: SecurityLevel { stateReference.securityLevel }

        /// Creates report information.
        public init(counter: ObjectIdentifier, value: UInt32, stateReference: USMSecurityStateReference) {
            self.counter = counter
            self.value = value
            self.stateReference = stateReference
        }
    }

    /// What went wrong.
    public let code: Code
    /// The Report to send, when RFC 3414 asks for one.
    public let report: Report?
    /// Detail for people; never contains keys or passphrases.
    public let reason: String
    /// Source location that raised it.
    public let file: String
    /// Source line that raised it.
    public let line: Int

    /// Creates an error.
    public init(_ code: Code, _ reason: String = "", report: Report? = nil, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.report = report
        self.file = file
        self.line = line
    }

    public static func == (lhs: USMError, rhs: USMError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public var description: String {
        reason.isEmpty ? "USM: \(code)" : "USM: \(code): \(reason)"
    }
}
