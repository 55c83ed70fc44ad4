public import SNMPSMI

/// The usmStats counters of SNMP-USER-BASED-SM-MIB (RFC 3414 §5), wrapping at 2^32 like every Counter32.
public struct USMStatistics: Hashable, Sendable {
    /// usmStatsUnsupportedSecLevels.
    public var unsupportedSecLevels: UInt32 = 0
    /// usmStatsNotInTimeWindows.
    public var notInTimeWindows: UInt32 = 0
    /// usmStatsUnknownUserNames.
    public var unknownUserNames: UInt32 = 0
    /// usmStatsUnknownEngineIDs.
    public var unknownEngineIDs: UInt32 = 0
    /// usmStatsWrongDigests.
    public var wrongDigests: UInt32 = 0
    /// usmStatsDecryptionErrors.
    public var decryptionErrors: UInt32 = 0

    /// Creates zeroed counters.
    public init() {}

    /// `usmStats` (1.3.6.1.6.3.15.1.1); counter n is `usmStats.n.0`.
    public static let usmStats: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 15, 1, 1]

    /// The counter instance OID (`usmStats.n.0`) RFC 3414 reports for `code`, or `nil` if it has none.
    public static func counterOID(for code: USMError.Code) -> ObjectIdentifier? {
        guard let index = counterIndex(for: code) else { return nil }
        return usmStats.appending([index, 0])
    }

    static func counterIndex(for code: USMError.Code) -> UInt32? {
        switch code {
        case .unsupportedSecurityLevel: return 1
        case .notInTimeWindow: return 2
        case .unknownUserName: return 3
        case .unknownEngineID: return 4
        case .wrongDigest: return 5
        case .decryptionError: return 6
        default: return nil
        }
    }

    /// Adds one to the counter for `code` and returns its new value (`nil` when `code` has no counter).
    @discardableResult
    public mutating func increment(_ code: USMError.Code) -> UInt32? {
        switch Self.counterIndex(for: code) {
        case 1: unsupportedSecLevels &+= 1; return unsupportedSecLevels
        case 2: notInTimeWindows &+= 1; return notInTimeWindows
        case 3: unknownUserNames &+= 1; return unknownUserNames
        case 4: unknownEngineIDs &+= 1; return unknownEngineIDs
        case 5: wrongDigests &+= 1; return wrongDigests
        case 6: decryptionErrors &+= 1; return decryptionErrors
        default: return nil
        }
    }

    /// The value of the counter for `code`.
    public func value(for code: USMError.Code) -> UInt32? {
        switch Self.counterIndex(for: code) {
        case 1: return unsupportedSecLevels
        case 2: return notInTimeWindows
        case 3: return unknownUserNames
        case 4: return unknownEngineIDs
        case 5: return wrongDigests
        case 6: return decryptionErrors
        default: return nil
        }
    }
}
