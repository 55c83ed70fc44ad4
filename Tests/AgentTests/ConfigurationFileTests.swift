import Testing
import SNMPAgent
import SNMPApplications
import SNMPAccessControl
import SNMPSecurity
import SNMPSMI

@Suite("Agent configuration file")
struct ConfigurationFileTests {
    static let sample = """
        # a complete example
        listen udp:127.0.0.1:16161
        listen udp6:[::1]:16161     # IPv6 too
        rocommunity public
        rwcommunity private sysview
        user alice SHA-256 authpass1 AES privpass1
        user bob MD5 authpass2 none - authNoPriv ro
        view sysview included 1.3.6.1.2.1.1
        view sysview excluded .1.3.6.1.2.1.1.9
        group ops v2c opsname
        access ops "" any noAuthNoPriv exact sysview - -
        sysContact "ops team <ops@example.net>"
        sysLocation  rack 4, row 2
        sysName agent-1
        sysObjectID 1.3.6.1.4.1.32473.7
        authtrapenable 1
        trap2sink 127.0.0.1:16162 traps
        engineID 80007ED9040102030405
        stateDir state
        interfaces off
        """

    @Test func sampleParses() throws {
        var configuration = AgentConfiguration()
        try AgentConfigurationFile.parse(Self.sample, into: &configuration)
        #expect(configuration.listenAddresses == ["udp:127.0.0.1:16161", "udp6:[::1]:16161"])
        #expect(configuration.communities == [AgentCommunity("public"),
                                              AgentCommunity("private", access: .readWrite, view: "sysview")])
        #expect(configuration.users.map(\.user.userName) == ["alice", "bob"])
        #expect(configuration.users[0].user.authProtocol == .hmacSHA256)
        #expect(configuration.users[0].user.privProtocol == .aes128)
        #expect(configuration.users[0].securityLevel == .authPriv)
        #expect(configuration.users[1].securityLevel == .authNoPriv)
        #expect(configuration.users[1].access == .readOnly)
        #expect(configuration.system.sysContact == "ops team <ops@example.net>")
        #expect(configuration.system.sysLocation == "rack 4, row 2")
        #expect(configuration.system.sysName == "agent-1")
        #expect(configuration.system.sysObjectID == "1.3.6.1.4.1.32473.7")
        #expect(configuration.system.enableAuthenTraps)
        #expect(configuration.notificationTargets.count == 1)
        #expect(configuration.notificationTargets.first?.target.version == .v2c)
        #expect(configuration.engineID?.count == 10)
        #expect(configuration.stateDirectory == "state")
        #expect(!configuration.servesInterfaces)
        let view = try #require(configuration.vacm.views["sysview"])
        #expect(view.contains("1.3.6.1.2.1.1.1.0"))
        #expect(!view.contains("1.3.6.1.2.1.1.9.1.2.1"))
        #expect(configuration.vacm.groupName(securityModel: .v2c, securityName: "opsname") == "ops")
    }

    @Test func communitiesAndUsersBecomeVACMEntries() throws {
        var configuration = AgentConfiguration()
        try AgentConfigurationFile.parse(Self.sample, into: &configuration)
        let (vacm, communities) = try configuration.accessControl()
        #expect(communities.entry(for: "public")?.securityName == "public")
        #expect(communities.entry(for: "nobody") == nil)
        func allowed(_ model: SecurityModelID, _ name: String, _ level: SecurityLevel, _ type: VACMViewType,
                     _ oid: ObjectIdentifier) -> VACMAccessStatus {
            vacm.isAccessAllowed(securityModel: model, securityName: name, securityLevel: level, viewType: type,
                                 contextName: "", variable: oid)
        }
        #expect(allowed(.v2c, "public", .noAuthNoPriv, .read, "1.3.6.1.2.1.2.1.0") == .accessAllowed)
        // Read-only communities have a write view that exists and is empty: Set is noAccess, not authorizationError.
        #expect(allowed(.v1, "public", .noAuthNoPriv, .write, "1.3.6.1.2.1.1.4.0") == .notInView)
        #expect(allowed(.v2c, "private", .noAuthNoPriv, .write, "1.3.6.1.2.1.1.4.0") == .accessAllowed)
        #expect(allowed(.v2c, "private", .noAuthNoPriv, .read, "1.3.6.1.2.1.2.1.0") == .notInView)
        #expect(allowed(.usm, "alice", .authPriv, .write, "1.3.6.1.2.1.1.4.0") == .accessAllowed)
        #expect(allowed(.usm, "alice", .authNoPriv, .read, "1.3.6.1.2.1.1.4.0") == .noAccessEntry)
        #expect(allowed(.usm, "bob", .authNoPriv, .write, "1.3.6.1.2.1.1.4.0") == .notInView)
    }

    /// Broken lines written for this test; each error must name its line.
    @Test(arguments: [
        ("rocommunity\n", "line 1"),
        ("listen udp:127.0.0.1:16161\nlisten udp:127.0.0.1:99999\n", "line 2"),
        ("# ok\n\nfrobnicate 1\n", "line 3: unknown directive frobnicate"),
        ("user alice SHA short AES privpass1\n", "line 1"),
        ("user alice SHA authpass1 AES short\n", "line 1"),
        ("user alice SHA-999 authpass1 none -\n", "unknown authentication protocol"),
        ("user alice none - AES privpass1\n", "privacy needs authentication"),
        ("user alice SHA authpass1 none - authPriv\n", "cannot do authPriv"),
        ("view v sideways 1.3.6\n", "line 1"),
        ("view v included 1.x.6\n", "bad OID"),
        ("group g v4 name\n", "unknown security model"),
        ("access g \"\" any nolevel exact a b c\n", "unknown security level"),
        ("authtrapenable 3\n", "line 1"),
        ("engineID 80\n", "line 1"),
        ("sysContact \"unterminated\n", "unterminated quote"),
        ("sysServices 300\n", "line 1"),
        ("trap2sink udp:[::1\n", "line 1"),
        ("interfaces maybe\n", "line 1"),
    ])
    func badLinesNameTheirLine(text: String, expected: String) {
        var configuration = AgentConfiguration()
        #expect {
            try AgentConfigurationFile.parse(text, into: &configuration)
        } throws: { error in
            guard let error = error as? SNMPError else { return false }
            return error.code == .configuration && error.reason.contains(expected)
        }
    }

    @Test func secretsNeverAppearInErrors() {
        var configuration = AgentConfiguration()
        do {
            try AgentConfigurationFile.parse("user alice SHA s3cr3t none -\n", into: &configuration)
            Issue.record("a 6-character passphrase must be refused")
        } catch {
            #expect(!error.reason.contains("s3cr3t"))
        }
    }

    @Test(arguments: [
        ("alice:SHA-256:authpass1:AES:privpass1", SecurityLevel.authPriv),
        ("bob:MD5:authpass2:none:", .authNoPriv),
        ("carol:none::none:", .noAuthNoPriv),
    ])
    func commandLineUsers(text: String, level: SecurityLevel) throws {
        let user = try AgentUser(parsing: text)
        #expect(user.securityLevel == level)
        #expect(user.access == .readWrite)
    }

    @Test func commandLineUserNeedsFiveFields() {
        #expect(throws: SNMPError.self) { try AgentUser(parsing: "alice:SHA:authpass1") }
    }
}
