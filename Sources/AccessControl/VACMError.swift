/// A VACM configuration entry that RFC 3415 does not allow.
///
/// Match on the code: `catch let error as VACMError where error.code == .invalidMask`.
public struct VACMError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: Hashable, Sendable {
            case invalidMask, invalidSubtree, invalidName
        }
        fileprivate let base: Base

        /// A view family mask longer than 16 octets (RFC 3415 `vacmViewTreeFamilyMask` SIZE (0..16)).
        public static let invalidMask = Code(base: .invalidMask)
        /// A view family subtree that is empty or longer than 128 sub-identifiers.
        public static let invalidSubtree = Code(base: .invalidSubtree)
        /// A name longer than 32 octets (RFC 3415 `SnmpAdminString (SIZE(1..32))`).
        public static let invalidName = Code(base: .invalidName)

        public var description: String {
            switch base {
            case .invalidMask: return "invalid view mask"
            case .invalidSubtree: return "invalid view subtree"
            case .invalidName: return "invalid name"
            }
        }
    }

    /// What was wrong.
    public let code: Code
    /// Detail for people.
    public let reason: String
    /// Source location that raised it.
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

    public static func == (lhs: VACMError, rhs: VACMError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public var description: String {
        reason.isEmpty ? "VACM: \(code)" : "VACM: \(code): \(reason)"
    }
}
