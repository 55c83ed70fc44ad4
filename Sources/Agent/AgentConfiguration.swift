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
    /// The v1/v2c communities.
    public var communities: [AgentCommunity] = []
    /// The USM users: parsed and kept here; the v3 engine takes them from ``SNMPAgent/configuration``.
    public var users: [AgentUser] = []
    /// Extra VACM entries (views, groups, access, contexts) beyond what communities and users add.
    public var vacm = VACMConfiguration()
    /// The system group's initial values and snmpEnableAuthenTraps.
    public var system = AgentStore.Values(
        sysDescr: "swift-snmp agent", sysObjectID: [1, 3, 6, 1, 4, 1, EngineState.defaultEnterprise, 1],
        sysContact: "", sysName: "", sysLocation: "",
        // RFC 3418 sysServices: end-to-end (8) + applications (64).
        sysServices: 72, enableAuthenTraps: false)
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

    /// Parses the CLI's `NAME:AUTH:AUTHPASS:PRIV:PRIVPASS` (AUTH and PRIV as Net-SNMP names them, or
    /// `none`; the passphrase of a `none` protocol may be empty). RFC 3414 §11.2: passphrases have at
    /// least 8 characters.
    public init(parsing text: String, access: AgentAccess = .readWrite) throws(SNMPError) {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 5 else {
            throw SNMPError(.configuration, "user must be NAME:AUTH:AUTHPASS:PRIV:PRIVPASS")
        }
        self = try Self.make(name: fields[0], auth: fields[1], authPass: fields[2], priv: fields[3],
                             privPass: fields[4], level: nil, access: access, view: nil)
    }

    /// Builds a user from its words, checking each; errors never repeat a passphrase.
    static func make(name: String, auth: String, authPass: String, priv: String, privPass: String,
                     level: SecurityLevel?, access: AgentAccess, view: String?) throws(SNMPError) -> AgentUser {
        guard !name.isEmpty, name.utf8.count <= 32 else {
            throw SNMPError(.configuration, "user name must have 1 to 32 octets")
        }
        var authProtocol = USMAuthProtocol.none
        var privProtocol = USMPrivProtocol.none
        var authSecret: USMSecret?
        var privSecret: USMSecret?
        if auth.lowercased() != "none" {
            guard let parsed = USMAuthProtocol(netSNMPName: auth) else {
                throw SNMPError(.configuration, "unknown authentication protocol \(auth)")
            }
            guard authPass.count >= 8 else {
                throw SNMPError(.configuration, "authentication passphrase of \(name) is shorter than 8 characters")
            }
            authProtocol = parsed
            authSecret = .passphrase(authPass)
        }
        if priv.lowercased() != "none" {
            guard let parsed = USMPrivProtocol(netSNMPName: priv) else {
                throw SNMPError(.configuration, "unknown privacy protocol \(priv)")
            }
            guard authSecret != nil else { throw SNMPError(.configuration, "privacy needs authentication (\(name))") }
            guard privPass.count >= 8 else {
                throw SNMPError(.configuration, "privacy passphrase of \(name) is shorter than 8 characters")
            }
            privProtocol = parsed
            privSecret = .passphrase(privPass)
        }
        let user = USMUser(userName: OctetString(name), auth: authProtocol, authSecret: authSecret,
                           priv: privProtocol, privSecret: privSecret)
        if let level, !user.supports(level) {
            throw SNMPError(.configuration, "user \(name) cannot do \(level) with its protocols")
        }
        return AgentUser(user, securityLevel: level, access: access, view: view)
    }
}
