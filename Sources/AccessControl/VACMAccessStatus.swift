/// The `statusInformation` of `isAccessAllowed` (RFC 3415 §3.2 and §3.2.1).
///
/// Only ``accessAllowed`` grants access; ``notInView`` concerns one variable, every other value the
/// whole request (the command responder maps them per RFC 3413 §3.2).
public enum VACMAccessStatus: Hashable, Sendable, CustomStringConvertible {
    /// The variable is in the selected MIB view.
    case accessAllowed
    /// The MIB view exists but does not contain the variable.
    case notInView
    /// The access entry names a view that has no families.
    case noSuchView
    /// The context is not in `vacmContextTable`.
    case noSuchContext
    /// No `vacmSecurityToGroupTable` entry maps the security model and name to a group.
    case noGroupName
    /// No `vacmAccessTable` entry fits the group, context, security model and level.
    case noAccessEntry
    /// Any other failure.
    case otherError

    public var description: String {
        switch self {
        case .accessAllowed: return "accessAllowed"
        case .notInView: return "notInView"
        case .noSuchView: return "noSuchView"
        case .noSuchContext: return "noSuchContext"
        case .noGroupName: return "noGroupName"
        case .noAccessEntry: return "noAccessEntry"
        case .otherError: return "otherError"
        }
    }
}

/// Which view of an access entry a request is checked against (RFC 3415 §3.2 `viewType`).
public enum VACMViewType: Hashable, Sendable {
    /// Get, GetNext, GetBulk.
    case read
    /// Set.
    case write
    /// Notifications.
    case notify
}
