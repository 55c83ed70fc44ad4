public import SNMPSMI

/// The local users (usmUserTable, RFC 3414 §5), indexed by (usmUserEngineID, usmUserName).
///
/// A user added without an engine ID matches any engine: that is how a command generator or notification
/// receiver configures one credential for every agent it talks to; its keys get localized per engine.
public struct USMUserTable: Sendable {
    private struct Key: Hashable {
        var engineID: OctetString
        var userName: OctetString
    }

    private var perEngine: [Key: USMUser] = [:]
    private var anyEngine: [OctetString: USMUser] = [:]

    /// Creates a table of users valid for any engine.
    public init(_ users: [USMUser] = []) {
        for user in users { add(user) }
    }

    /// Adds or replaces a user, for one engine or (with `engineID` nil) for every engine.
    public mutating func add(_ user: USMUser, engineID: OctetString? = nil) {
        if let engineID {
            perEngine[Key(engineID: engineID, userName: user.userName)] = user
        } else {
            anyEngine[user.userName] = user
        }
    }

    /// Removes a user entry.
    public mutating func remove(userName: OctetString, engineID: OctetString? = nil) {
        if let engineID {
            perEngine[Key(engineID: engineID, userName: userName)] = nil
        } else {
            anyEngine[userName] = nil
        }
    }

    /// The user for (engine, name): the engine-specific entry first, then (unless `exactEngine`) the
    /// any-engine one.
    public func user(named userName: OctetString, engineID: OctetString, exactEngine: Bool = false) -> USMUser? {
        if let user = perEngine[Key(engineID: engineID, userName: userName)] { return user }
        return exactEngine ? nil : anyEngine[userName]
    }

    /// An entry with this name for any engine (the any-engine one first); for messages that use no keys.
    public func anyEntry(named userName: OctetString) -> USMUser? {
        anyEngine[userName] ?? perEngine.first { $0.key.userName == userName }?.value
    }

    /// Number of entries.
    public var count: Int { perEngine.count + anyEngine.count }
}
