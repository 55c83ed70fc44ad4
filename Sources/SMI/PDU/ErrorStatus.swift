/// The error-status of a response (RFC 3416 §3; 0–5 are SNMPv1's, RFC 1157).
///
/// A `rawValue` struct, so that a value outside the RFC's list survives decoding.
public struct ErrorStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The INTEGER on the wire.
    public var rawValue: Int32
    /// Creates a status from its wire value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let noError = ErrorStatus(rawValue: 0)
    public static let tooBig = ErrorStatus(rawValue: 1)
    public static let noSuchName = ErrorStatus(rawValue: 2)
    public static let badValue = ErrorStatus(rawValue: 3)
    public static let readOnly = ErrorStatus(rawValue: 4)
    public static let genErr = ErrorStatus(rawValue: 5)
    public static let noAccess = ErrorStatus(rawValue: 6)
    public static let wrongType = ErrorStatus(rawValue: 7)
    public static let wrongLength = ErrorStatus(rawValue: 8)
    public static let wrongEncoding = ErrorStatus(rawValue: 9)
    public static let wrongValue = ErrorStatus(rawValue: 10)
    public static let noCreation = ErrorStatus(rawValue: 11)
    public static let inconsistentValue = ErrorStatus(rawValue: 12)
    public static let resourceUnavailable = ErrorStatus(rawValue: 13)
    public static let commitFailed = ErrorStatus(rawValue: 14)
    public static let undoFailed = ErrorStatus(rawValue: 15)
    public static let authorizationError = ErrorStatus(rawValue: 16)
    public static let notWritable = ErrorStatus(rawValue: 17)
    public static let inconsistentName = ErrorStatus(rawValue: 18)

    /// The RFC's name (`noSuchName`), or `error(N)` for an unknown value.
    public var name: String {
        let names = ["noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr", "noAccess",
                     "wrongType", "wrongLength", "wrongEncoding", "wrongValue", "noCreation",
                     "inconsistentValue", "resourceUnavailable", "commitFailed", "undoFailed",
                     "authorizationError", "notWritable", "inconsistentName"]
        return rawValue >= 0 && Int(rawValue) < names.count ? names[Int(rawValue)] : "error(\(rawValue))"
    }

    public var description: String { name }
}
