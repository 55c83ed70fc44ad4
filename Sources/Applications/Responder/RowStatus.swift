/// The RowStatus textual convention (RFC 2579): the values a status column holds or is set to.
public enum RowStatus: Int32, Hashable, Sendable {
    /// The row is in use.
    case active = 1
    /// The row exists but is not in use.
    case notInService = 2
    /// The row lacks values it needs to become active (never written by a manager).
    case notReady = 3
    /// Create the row and make it active in one request.
    case createAndGo = 4
    /// Create the row, not yet active.
    case createAndWait = 5
    /// Remove the row.
    case destroy = 6

    /// `true` for the two values that create a row.
    public var createsRow: Bool { self == .createAndGo || self == .createAndWait }
}
