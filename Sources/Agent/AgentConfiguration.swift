public import SNMPSMI
public import SNMPSecurity
public import SNMPAccessControl
public import SNMPApplications

/// Everything an ``SNMPAgent`` is started with: where it listens, who may read and write what, the
/// system group's text, where notifications go, and the engine identity.
///
/// ```swift
/// var configuration = AgentConfiguration()
/// configuration.listenAddresses = ["udp:127.0.0.1:16161", "udp6:[::1]:16161"]
/// configuration.communities = [AgentCommunity("public"), AgentCommunity("private", access: .readWrite)]
/// configuration.system.sysContact = "ops@example.net"
/// configuration.stateDirectory = "/var/lib/swift-snmp"
/// let agent = try await SNMPAgent.start(configuration: configuration)
/// ```
public struct AgentConfiguration: Sendable {
    /// Where to listen, in Net-SNMP's agent syntax (`udp:127.0.0.1:16161`, `udp6:[::1]:16161`).
    public var listenAddresses: [String] = ["udp:127.0.0.1:16161"]
    /// The v1/v2c communities readable from any source (the simple form; ``communityMappings`` has snmpd's).
    public var communities: [AgentCommunity] = []
    /// snmpd's com2sec table: communities restricted to sources, mapped to security names and contexts.
    /// They are looked up first, in order; VACM entries for their security names come from ``vacm``.
    public var communityMappings: [AgentCommunityMapping] = []
    /// USM users with their access (the simple form: each gets a group and access entry of its own).
    public var users: [AgentUser] = []
    /// USM users as createUser defines them: their access comes from ``vacm`` (rouser, group, access).
    /// A user of another engine (`-e`) is listed in usmUserTable but cannot send requests to this one.
    public var usmUsers: [USMUserDefinition] = []
    /// Extra VACM entries (views, groups, access, contexts) beyond what communities and users add.
    public var vacm = VACMConfiguration()
    /// The system group's initial values and snmpEnableAuthenTraps.
    /// The defaults are snmpd's: sysDescr from `uname`, sysName the host name, sysContact `root`,
    /// sysLocation `Unknown`, sysServices 72; sysObjectID names this agent.
    public var system = AgentStore.Values(
        sysDescr: SystemDefaults.sysDescr, sysObjectID: [1, 3, 6, 1, 4, 1, EngineState.defaultEnterprise, 1],
        sysContact: SystemDefaults.sysContact, sysName: SystemDefaults.sysName, sysLocation: SystemDefaults.sysLocation,
        // RFC 3418 sysServices: end-to-end (8) + applications (64).
        sysServices: 72, enableAuthenTraps: false)
    /// The system objects (their arc under `system`: 4 sysContact, 5 sysName, 6 sysLocation) that the
    /// configuration fixed and a Set may not change (snmpd's `sysContact` lines, unlike `psyscontact`).
    public var readOnlySystemObjects: Set<UInt32> = []
    /// Where coldStart and authenticationFailure go.
    public var notificationTargets: [NotificationTarget] = []
    /// The engine ID to use; `nil` generates one (and keeps it in the state file when there is one).
    public var engineID: OctetString?
    /// The enterprise number of a generated engine ID.
    public var enterprise: UInt32 = EngineState.defaultEnterprise
    /// The directory of the ``EngineStateFile``; `nil` keeps no state (boots is 1 on every start).
    public var stateDirectory: String?
    /// Whether to serve IF-MIB from Linux's `/proc/net/dev` and `/sys/class/net`.
    public var servesInterfaces = true
    /// The command responder's limits.
    public var responder = CommandResponder.Configuration()

    /// The defaults: listen on `udp:127.0.0.1:16161` with no community (add some).
    public init() {}

    /// The view that contains everything, used when a community or user names no view.
    public static let allView = "_all"
    /// The write view of read-only principals: it exists and contains nothing, so a Set is answered
    /// noAccess (RFC 3416 §4.2.5 step 1), as Net-SNMP's agent does, rather than authorizationError.
    public static let noneView = "_none"

    /// The VACM configuration and community table this configuration describes (RFC 3584 §5.2.1 and
    /// RFC 3415): ``vacm`` plus a group and access entry per community and per user.
    public func accessControl() throws(SNMPError) -> (vacm: VACMConfiguration, communities: CommunityTable) {
        let (vacm, table) = try accessTables()
        return (vacm, table)
    }

    /// ``accessControl()`` with the community lookup that honours ``communityMappings``' sources.
    public func agentAccessControl() throws(SNMPError) -> (vacm: VACMConfiguration, communities: AgentCommunityTable) {
        let (vacm, table) = try accessTables()
        return (vacm, AgentCommunityTable(mappings: communityMappings, anySource: table))
    }

    /// The USM users the engine authenticates requests with: ``users`` and those of ``usmUsers`` that
    /// belong to `engineID` (or name no engine).
    func engineUsers(engineID: OctetString) -> [USMUser] {
        users.map(\.user) + usmUsers.filter { $0.engineID == nil || $0.engineID == engineID }.map(\.user)
    }

    /// usmUserTable's rows: every configured user on its engine.
    func userTableEntries(engineID: OctetString) -> [USMUserTableEntry] {
        users.map { USMUserTableEntry(engineID: engineID, user: $0.user) }
            + usmUsers.map { USMUserTableEntry(engineID: $0.engineID ?? engineID, user: $0.user) }
    }

    private func accessTables() throws(SNMPError) -> (vacm: VACMConfiguration, communities: CommunityTable) {
        var vacm = self.vacm
        var table = CommunityTable()
        do {
            vacm.add(try VACMView.included(Self.allView, subtrees: ["1"]))
            vacm.add(try VACMView(Self.noneView, families: [VACMViewTreeFamily(subtree: "1", type: .excluded)]))
            for community in communities {
                let group = "community:" + community.community
                let view = community.view ?? Self.allView
                vacm.add(VACMGroup(securityModel: .v1, securityName: community.community, groupName: group))
                vacm.add(VACMGroup(securityModel: .v2c, securityName: community.community, groupName: group))
                vacm.add(VACMAccess(groupName: group, securityModel: .any, securityLevel: .noAuthNoPriv,
                                    readView: view, writeView: community.access == .readWrite ? view : Self.noneView))
                table.add(CommunityEntry(community: OctetString(community.community), securityName: community.community))
            }
            for user in users {
                let group = "user:" + user.user.securityName
                let view = user.view ?? Self.allView
                vacm.add(VACMGroup(securityModel: .usm, securityName: user.user.securityName, groupName: group))
                vacm.add(VACMAccess(groupName: group, securityModel: .usm, securityLevel: user.securityLevel,
                                    readView: view, writeView: user.access == .readWrite ? view : Self.noneView))
            }
        } catch {
            throw SNMPError(.configuration, "\(error)")
        }
        return (vacm, table)
    }
}

/// What a community or user may do.
public enum AgentAccess: Hashable, Sendable {
    /// Get, GetNext, GetBulk.
    case readOnly
    /// Those and Set.
    case readWrite
}

/// A v1/v2c community (Net-SNMP's `rocommunity` / `rwcommunity`); its security name is the community.
public struct AgentCommunity: Hashable, Sendable {
    /// The community string.
    public var community: String
    /// Read-only or read-write.
    public var access: AgentAccess
    /// The VACM view it sees; `nil` for everything.
    public var view: String?

    /// Creates a community.
    public init(_ community: String, access: AgentAccess = .readOnly, view: String? = nil) {
        self.community = community
        self.access = access
        self.view = view
    }
}

/// A USM user with its access (Net-SNMP's `createUser` plus `rouser` / `rwuser`).
public struct AgentUser: Hashable, Sendable {
    /// The user and its secrets.
    public var user: USMUser
    /// The minimum level its requests need.
    public var securityLevel: SecurityLevel
    /// Read-only or read-write.
    public var access: AgentAccess
    /// The VACM view it sees; `nil` for everything.
    public var view: String?

    /// Creates a user; the level defaults to the highest the user's protocols allow.
    public init(_ user: USMUser, securityLevel: SecurityLevel? = nil, access: AgentAccess = .readWrite,
                view: String? = nil) {
        self.user = user
        self.securityLevel = securityLevel ?? user.maximumSecurityLevel
        self.access = access
        self.view = view
    }

    /// Parses a user in the one user syntax (`USMUserDefinition`: createUser's words, blank- or
    /// colon-separated); it gets `access` at the highest level its protocols allow.
    public init(parsing text: String, access: AgentAccess = .readWrite) throws(SNMPError) {
        let definition: USMUserDefinition
        do {
            definition = try USMUserDefinition(parsing: text)
        } catch {
            throw SNMPError(.configuration, "user: \(error.message)")
        }
        guard definition.engineID == nil else {
            throw SNMPError(.configuration, "user: an agent's users belong to its own engine; leave out the engine ID")
        }
        self.init(definition.user, access: access)
    }
}
