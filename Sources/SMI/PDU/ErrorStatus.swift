/// The error-status of a response (RFC 3416 §3; 0–5 are SNMPv1's, RFC 1157).
///
/// A `rawValue` struct, so that a value outside the RFC's list survives decoding.
public struct ErrorStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The INTEGER on the wire.
    public var rawValue: Int32
    /// Creates a status from its wire value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The request succeeded (0).
    public static let noError = ErrorStatus(rawValue: 0)
    /// The response would exceed the local or requester's message size limit (1; RFC 3416 §4.2.1).
    public static let tooBig = ErrorStatus(rawValue: 1)
    /// SNMPv1: a variable does not exist or is not accessible (2); SNMPv2 agents use it only for v1 requests.
    public static let noSuchName = ErrorStatus(rawValue: 2)
    /// SNMPv1: a Set value has the wrong type, length or value (3); v2 splits it into `wrong*`.
    public static let badValue = ErrorStatus(rawValue: 3)
    /// SNMPv1: a variable cannot be set (4); RFC 3416 keeps it for compatibility but never sends it.
    public static let readOnly = ErrorStatus(rawValue: 4)
    /// A failure the other codes do not describe (5).
    public static let genErr = ErrorStatus(rawValue: 5)
    /// The variable is outside the MIB view allowed for this operation (6; RFC 3416 §4.2.5).
    public static let noAccess = ErrorStatus(rawValue: 6)
    /// The Set value's ASN.1 type does not match the object's syntax (7).
    public static let wrongType = ErrorStatus(rawValue: 7)
    /// The Set value's length is not allowed for the object (8).
    public static let wrongLength = ErrorStatus(rawValue: 8)
    /// The Set value's encoding is inconsistent with its ASN.1 tag (9).
    public static let wrongEncoding = ErrorStatus(rawValue: 9)
    /// The Set value can never be assigned to the object (10).
    public static let wrongValue = ErrorStatus(rawValue: 10)
    /// The instance does not exist and cannot be created (11).
    public static let noCreation = ErrorStatus(rawValue: 11)
    /// The Set value could be assigned in other circumstances, but not now (12).
    public static let inconsistentValue = ErrorStatus(rawValue: 12)
    /// A resource the Set needs cannot be allocated (13).
    public static let resourceUnavailable = ErrorStatus(rawValue: 13)
    /// A Set failed while committing and every change was undone (14).
    public static let commitFailed = ErrorStatus(rawValue: 14)
    /// A Set failed while committing and not every change could be undone (15).
    public static let undoFailed = ErrorStatus(rawValue: 15)
    /// Access control (VACM) refused the whole request (16; RFC 3413 §3.2 step 4).
    public static let authorizationError = ErrorStatus(rawValue: 16)
    /// The instance cannot be modified, whatever the value (17).
    public static let notWritable = ErrorStatus(rawValue: 17)
    /// The instance does not exist and cannot be created with this name now (18).
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
