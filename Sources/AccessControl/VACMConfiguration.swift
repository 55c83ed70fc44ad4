public import SNMPSMI

/// The VACM part of the local configuration datastore (RFC 3415 §2): contexts, groups, access entries
/// and views, as plain values.
///
/// ```swift
/// var vacm = try VACMConfiguration.readOnlyCommunity("public", view: "all")
/// try vacm.addUser("admin", securityLevel: .authPriv, readView: "all", writeView: "all")
/// vacm.isAccessAllowed(securityModel: .v2c, securityName: "public", securityLevel: .noAuthNoPriv,
///                      viewType: .read, contextName: "", variable: "1.3.6.1.2.1.1.1.0")  // .accessAllowed
/// ```
public struct VACMConfiguration: Sendable {
    struct GroupKey: Hashable, Sendable {
        var securityModel: SecurityModelID
        var securityName: String
    }

    /// The contexts served (`vacmContextTable`); the default context `""` is there from the start.
    public private(set) var contexts: Set<String> = [""]
    private var groups: [GroupKey: String] = [:]
    /// The access entries (`vacmAccessTable`).
    public private(set) var accessEntries: [VACMAccess] = []
    /// The views by name (`vacmViewTreeFamilyTable`).
    public private(set) var views: [String: VACMView] = [:]

    /// An empty configuration: the default context and nothing else, so every request is refused.
    public init() {}

    /// Adds a context.
    public mutating func add(_ context: VACMContext) {
        contexts.insert(context.name)
    }

    /// Adds or replaces the group of a (security model, security name).
    public mutating func add(_ group: VACMGroup) {
        groups[GroupKey(securityModel: group.securityModel, securityName: group.securityName)] = group.groupName
    }

    /// Adds an access entry, replacing one with the same index (group, context prefix, model, level).
    public mutating func add(_ access: VACMAccess) {
        accessEntries.removeAll {
            $0.groupName == access.groupName && $0.contextPrefix == access.contextPrefix
                && $0.securityModel == access.securityModel && $0.securityLevel == access.securityLevel
        }
        accessEntries.append(access)
    }

    /// Adds a view, merging its families into a view of the same name.
    public mutating func add(_ view: VACMView) {
        guard var existing = views[view.name] else {
            views[view.name] = view
            return
        }
        for family in view.families { existing.add(family) }
        views[view.name] = existing
    }

    /// Adds every entry of `other`.
    public mutating func merge(_ other: VACMConfiguration) {
        contexts.formUnion(other.contexts)
        groups.merge(other.groups) { _, new in new }
        for access in other.accessEntries { add(access) }
        for view in other.views.values { add(view) }
    }

    /// The group of a principal (RFC 3415 §3.2 step 2).
    public func groupName(securityModel: SecurityModelID, securityName: String) -> String? {
        groups[GroupKey(securityModel: securityModel, securityName: securityName)]
    }

    /// The access entry that applies (RFC 3415 §3.2 step 3 with the selection rules of §4,
    /// `vacmAccessTable` DESCRIPTION): of the entries for the group whose context, model and
    /// minimum level fit, prefer a matching model over `any`, then a context prefix equal to the
    /// context name, then the longest prefix, then the highest level.
    public func accessEntry(groupName: String, contextName: String, securityModel: SecurityModelID,
                            securityLevel: SecurityLevel) -> VACMAccess? {
        var best: VACMAccess?
        for entry in accessEntries where entry.groupName == groupName
            && (entry.securityModel == securityModel || entry.securityModel == .any)
            && entry.securityLevel <= securityLevel
            && entry.matches(contextName: contextName) {
            if let current = best, !Self.prefer(entry, over: current, contextName: contextName) { continue }
            best = entry
        }
        return best
    }

    private static func prefer(_ a: VACMAccess, over b: VACMAccess, contextName: String) -> Bool {
        let aModel = a.securityModel != .any, bModel = b.securityModel != .any
        if aModel != bModel { return aModel }
        let aExact = a.contextPrefix == contextName, bExact = b.contextPrefix == contextName
        if aExact != bExact { return aExact }
        let aLength = a.contextPrefix.utf8.count, bLength = b.contextPrefix.utf8.count
        if aLength != bLength { return aLength > bLength }
        return a.securityLevel > b.securityLevel
    }

    /// The outcome of resolving a request's principal and context to a view, before any variable.
    public enum Resolution: Sendable {
        /// Steps 1–4 passed: check each variable against this view.
        case view(VACMView)
        /// A step failed with this status (never `.accessAllowed` or `.notInView`).
        case denied(VACMAccessStatus)
    }

    /// RFC 3415 §3.2 steps 1–4 once per request: the view every variable of the request is checked
    /// against. This is the fast path for a PDU of many varbinds: resolve once, then
    /// ``VACMView/contains(_:)`` per varbind, with no allocation.
    public func resolveView(securityModel: SecurityModelID, securityName: String, securityLevel: SecurityLevel,
                            viewType: VACMViewType, contextName: String) -> Resolution {
        // Step 1: the context must be known.
        guard contexts.contains(contextName) else { return .denied(.noSuchContext) }
        // Step 2: the principal must map to a group.
        guard let group = groupName(securityModel: securityModel, securityName: securityName) else {
            return .denied(.noGroupName)
        }
        // Step 3: an access entry must fit (§4 selection).
        guard let access = accessEntry(groupName: group, contextName: contextName,
                                       securityModel: securityModel, securityLevel: securityLevel) else {
            return .denied(.noAccessEntry)
        }
        // Step 4: the entry's view for this kind of operation must exist.
        let name = access.viewName(for: viewType)
        guard !name.isEmpty, let view = views[name], !view.families.isEmpty else { return .denied(.noSuchView) }
        return .view(view)
    }

    /// `isAccessAllowed` (RFC 3415 §3.2): whether `variable` may be accessed by the principal in the
    /// context; with `variable` `nil` only steps 1–4 are checked (as for a notification's view).
    public func isAccessAllowed(securityModel: SecurityModelID, securityName: String, securityLevel: SecurityLevel,
                                viewType: VACMViewType, contextName: String,
                                variable: ObjectIdentifier?) -> VACMAccessStatus {
        switch resolveView(securityModel: securityModel, securityName: securityName, securityLevel: securityLevel,
                           viewType: viewType, contextName: contextName) {
        case .denied(let status):
            return status
        case .view(let view):
            // Step 5: the variable against the view's families.
            guard let variable else { return .accessAllowed }
            return view.contains(variable) ? .accessAllowed : .notInView
        }
    }
}
