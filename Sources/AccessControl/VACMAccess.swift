public import SNMPSMI

/// A row of `vacmAccessTable` (RFC 3415 §2.4): what a group may do in the contexts it matches.
///
/// ```swift
/// let access = VACMAccess(groupName: "ops", contextPrefix: "", securityModel: .usm,
///                         securityLevel: .authPriv, readView: "all", writeView: "all")
/// ```
public struct VACMAccess: Hashable, Sendable {
    /// How ``contextPrefix`` is compared with a request's context name (`vacmAccessContextMatch`).
    public enum ContextMatch: Int32, Hashable, Sendable {
        /// The context name must equal the prefix.
        case exact = 1
        /// The context name must start with the prefix.
        case prefix = 2
    }

    /// The group this entry is for.
    public var groupName: String
    /// The context name, or its prefix when ``contextMatch`` is `.prefix`.
    public var contextPrefix: String
    /// The comparison applied to ``contextPrefix``.
    public var contextMatch: ContextMatch
    /// The security model this entry applies to, or `.any`.
    public var securityModel: SecurityModelID
    /// The lowest security level this entry accepts.
    public var securityLevel: SecurityLevel
    /// The view for Get, GetNext and GetBulk; empty means none.
    public var readView: String
    /// The view for Set; empty means none.
    public var writeView: String
    /// The view for notifications; empty means none.
    public var notifyView: String

    /// Creates an access entry.
    public init(groupName: String, contextPrefix: String = "", contextMatch: ContextMatch = .exact,
                securityModel: SecurityModelID = .any, securityLevel: SecurityLevel = .noAuthNoPriv,
                readView: String = "", writeView: String = "", notifyView: String = "") {
        self.groupName = groupName
        self.contextPrefix = contextPrefix
        self.contextMatch = contextMatch
        self.securityModel = securityModel
        self.securityLevel = securityLevel
        self.readView = readView
        self.writeView = writeView
        self.notifyView = notifyView
    }

    /// The view name for `viewType` (RFC 3415 §3.2 step 4).
    public func viewName(for viewType: VACMViewType) -> String {
        switch viewType {
        case .read: return readView
        case .write: return writeView
        case .notify: return notifyView
        }
    }

    /// `true` when this entry applies to `contextName` (RFC 3415 §2.4: exact or prefix match).
    public func matches(contextName: String) -> Bool {
        switch contextMatch {
        case .exact: return contextName == contextPrefix
        case .prefix: return contextName.utf8.starts(with: contextPrefix.utf8)
        }
    }
}
