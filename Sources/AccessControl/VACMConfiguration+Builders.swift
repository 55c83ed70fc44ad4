public import SNMPSMI

extension VACMConfiguration {
    /// A community that may read `view` over SNMPv1 and SNMPv2c (Net-SNMP's `rocommunity`).
    ///
    /// The security name is the community itself, as a community table built with
    /// `CommunityEntry(community: "public", securityName: "public")` produces. When `subtrees` is given,
    /// the view is defined as those subtrees included; otherwise `view` must be added separately.
    public static func readOnlyCommunity(_ community: String, view: String,
                                         subtrees: [ObjectIdentifier] = ["1"]) throws(VACMError) -> VACMConfiguration {
        var configuration = VACMConfiguration()
        try configuration.addCommunity(community, readView: view, writeView: "", subtrees: subtrees)
        return configuration
    }

    /// A community that may read and write `view` over SNMPv1 and SNMPv2c (Net-SNMP's `rwcommunity`).
    public static func readWriteCommunity(_ community: String, view: String,
                                          subtrees: [ObjectIdentifier] = ["1"]) throws(VACMError) -> VACMConfiguration {
        var configuration = VACMConfiguration()
        try configuration.addCommunity(community, readView: view, writeView: view, subtrees: subtrees)
        return configuration
    }

    /// Adds a group `community` for the v1 and v2c models with one access entry in the default context.
    public mutating func addCommunity(_ community: String, readView: String, writeView: String = "",
                                      subtrees: [ObjectIdentifier] = []) throws(VACMError) {
        let group = "community:" + community
        add(VACMGroup(securityModel: .v1, securityName: community, groupName: group))
        add(VACMGroup(securityModel: .v2c, securityName: community, groupName: group))
        add(VACMAccess(groupName: group, securityModel: .any, securityLevel: .noAuthNoPriv,
                       readView: readView, writeView: writeView))
        try addIncludedView(readView, subtrees: subtrees)
        if !writeView.isEmpty && writeView != readView { try addIncludedView(writeView, subtrees: subtrees) }
    }

    /// Adds a USM user with read (and optionally write) access at `securityLevel` or above in the
    /// default context (Net-SNMP's `rouser` / `rwuser`).
    public mutating func addUser(_ userName: String, securityLevel: SecurityLevel, readView: String,
                                 writeView: String = "", subtrees: [ObjectIdentifier] = ["1"]) throws(VACMError) {
        let group = "user:" + userName
        add(VACMGroup(securityModel: .usm, securityName: userName, groupName: group))
        add(VACMAccess(groupName: group, securityModel: .usm, securityLevel: securityLevel,
                       readView: readView, writeView: writeView))
        try addIncludedView(readView, subtrees: subtrees)
        if !writeView.isEmpty && writeView != readView { try addIncludedView(writeView, subtrees: subtrees) }
    }

    /// Adds a view of included subtrees (merged into an existing view of that name).
    public mutating func addIncludedView(_ name: String, subtrees: [ObjectIdentifier]) throws(VACMError) {
        guard !name.isEmpty, !subtrees.isEmpty else { return }
        add(try VACMView.included(name, subtrees: subtrees))
    }
}
