import Testing
import Foundation
import NIOCore
import SNMPAgent
import SNMPApplications
import SNMPAccessControl
import SNMPSecurity
import SNMPSMI

@Suite("Agent configuration file (snmpd.conf)")
struct ConfigurationFileTests {
    static let sample = """
        # a complete example, in snmpd.conf's own words
        agentaddress udp:127.0.0.1:16161,udp6:[::1]:16161
        rocommunity public 127.0.0.1
        rwcommunity private 10.0.0.0/8 -V sysview
        rocommunity6 public6 ::1 .1.3.6.1.2.1.2 ctx*
        com2sec -Cn ctx opsname 192.168.0.0/255.255.0.0 opscomm
        createUser alice SHA-256 authpass1 AES privpass1
        createUser bob MD5 authpass2
        createUser -e 0x8000000001020304 carol SHA -m 0x0102030405060708090a0b0c0d0e0f1011121314
        rwuser alice priv
        rouser -s usm bob auth -V sysview
        view sysview included .1.3.6.1.2.1.1
        view sysview excluded .1.3.6.1.2.1.1.9 ff:80
        group ops v2c opsname
        access ops "" any noauth exact sysview none none
        sysContact "ops team <ops@example.net>"
        sysLocation  rack 4, row 2 # not a comment in snmpd
        psysname agent-1
        sysObjectID .1.3.6.1.4.1.32473.7
        sysServices 300
        authtrapenable 1
        trap2sink 127.0.0.1 traps 16162
        trapsess -v 3 -u trapper -l authPriv -a SHA -A trappass1 -x AES -X trappass2 127.0.0.1:16163
        engineID myagent
        [snmp] persistentDir state
        """

    @Test func sampleParses() throws {
        var configuration = AgentConfiguration()
        let diagnostics = AgentConfigurationFile.parse(Self.sample, into: &configuration)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(configuration.listenAddresses == ["udp:127.0.0.1:16161", "udp6:[::1]:16161"])
        // snmpd's expansion: comm1.. for the shorthand lines, in order, then the com2sec line's own name.
        #expect(configuration.communityMappings.map(\.securityName) == ["comm1", "comm2", "comm3", "opsname"])
        #expect(configuration.communityMappings[1].source.description == "10.0.0.0/8")
        #expect(configuration.communityMappings[2].contextName == "ctx")
        #expect(configuration.communityMappings[3].source.description == "192.168.0.0/16")
        #expect(configuration.usmUsers.map(\.user.userName) == ["alice", "bob", "carol", "trapper"])
        #expect(configuration.usmUsers[0].user.privProtocol == .aes128)
        #expect(configuration.usmUsers[1].user.privProtocol == .none)
        #expect(configuration.usmUsers[2].engineID == OctetString([0x80, 0, 0, 0, 1, 2, 3, 4]))
        #expect(configuration.usmUsers[2].user.authSecret?.form == .masterKey)
        #expect(configuration.system.sysContact == "ops team <ops@example.net>")
        #expect(configuration.system.sysLocation == "rack 4, row 2 # not a comment in snmpd")
        #expect(configuration.system.sysName == "agent-1")
        #expect(configuration.readOnlySystemObjects == [4, 6])
        #expect(configuration.system.sysObjectID == "1.3.6.1.4.1.32473.7")
        #expect(configuration.system.sysServices == 300)
        #expect(configuration.system.enableAuthenTraps)
        #expect(configuration.notificationTargets.count == 2)
        #expect(configuration.notificationTargets.first?.target.version == .v2c)
        #expect(configuration.notificationTargets.last?.target.version == .v3)
        #expect(configuration.engineID == OctetString([0x80, 0x00, 0x1F, 0x88, 0x04] + Array("myagent".utf8)))
        #expect(configuration.stateDirectory == "state")
        let view = try #require(configuration.vacm.views["sysview"])
        #expect(view.contains("1.3.6.1.2.1.1.1.0"))
        #expect(!view.contains("1.3.6.1.2.1.1.9.1.2.1"))
        #expect(configuration.vacm.groupName(securityModel: .v2c, securityName: "opsname") == "ops")
        #expect(configuration.vacm.groupName(securityModel: .usm, securityName: "bob") == "grpbob")
    }

    @Test func vacmDecidesAsSnmpdDoes() throws {
        var configuration = AgentConfiguration()
        _ = AgentConfigurationFile.parse(Self.sample, into: &configuration)
        let (vacm, _) = try configuration.accessControl()
        func allowed(_ model: SecurityModelID, _ name: String, _ level: SecurityLevel, _ type: VACMViewType,
                     _ oid: ObjectIdentifier, context: String = "") -> VACMAccessStatus {
            vacm.isAccessAllowed(securityModel: model, securityName: name, securityLevel: level, viewType: type,
                                 contextName: context, variable: oid)
        }
        #expect(allowed(.v2c, "comm1", .noAuthNoPriv, .read, "1.3.6.1.2.1.2.1.0") == .accessAllowed)
        // Read-only: the write view is snmpd's "none", which exists and holds nothing: Set is noAccess.
        #expect(allowed(.v1, "comm1", .noAuthNoPriv, .write, "1.3.6.1.2.1.1.4.0") == .notInView)
        #expect(allowed(.v2c, "comm2", .noAuthNoPriv, .write, "1.3.6.1.2.1.1.4.0") == .accessAllowed)
        #expect(allowed(.v2c, "comm2", .noAuthNoPriv, .read, "1.3.6.1.2.1.2.1.0") == .notInView)
        #expect(allowed(.usm, "alice", .authPriv, .write, "1.3.6.1.2.1.1.4.0") == .accessAllowed)
        #expect(allowed(.usm, "alice", .authNoPriv, .read, "1.3.6.1.2.1.1.4.0") == .noAccessEntry)
        #expect(allowed(.usm, "bob", .authNoPriv, .write, "1.3.6.1.2.1.1.4.0") == .notInView)
        // The mask ff:80 makes arc 10 (…1.9's child position) a wildcard only past the masked bits.
        #expect(allowed(.usm, "bob", .authNoPriv, .read, "1.3.6.1.2.1.1.9.1.2.1") == .notInView)
    }

    @Test func sourcesRestrictCommunities() throws {
        var configuration = AgentConfiguration()
        _ = AgentConfigurationFile.parse(Self.sample, into: &configuration)
        let (_, table) = try configuration.agentAccessControl()
        let local = try SocketAddress(ipAddress: "127.0.0.1", port: 1)
        let other = try SocketAddress(ipAddress: "127.0.0.2", port: 1)
        let ten = try SocketAddress(ipAddress: "10.1.2.3", port: 1)
        let six = try SocketAddress(ipAddress: "::1", port: 1)
        #expect(table.entry(for: "public", from: local)?.securityName == "comm1")
        #expect(table.entry(for: "public", from: other) == nil)
        #expect(table.entry(for: "public", from: six) == nil)
        #expect(table.entry(for: "public6", from: six)?.contextName == "ctx")
        #expect(table.entry(for: "private", from: ten)?.securityName == "comm2")
        #expect(table.entry(for: "private", from: local) == nil)
    }

    /// Lines snmpd warns about or rejects, each reported with its line; none stops the reading.
    @Test(arguments: [
        ("rocommunity\n", "snmpd.conf: line 1: Error: Blank line following rocommunity token."),
        ("# ok\n\nfrobnicate 1\n", "snmpd.conf: line 3: Warning: Unknown token: frobnicate."),
        ("proxy -v 2c -c x 127.0.0.1 .1.3\n", "line 1: Warning: proxy is an snmpd directive snmp agent does not support"),
        ("listen udp:127.0.0.1:16161\n", "line 1: Warning: listen is swift-snmp's retired configuration format; write agentaddress"),
        ("createUser alice SHA short AES privpass1\n", "line 1: Error: the authentication passphrase of alice must have"),
        ("createUser alice SHA-999 authpass1\n", "unknown authentication protocol for alice"),
        ("createUser alice SHA -l 0x0102\n", "improper key length to -l"),
        ("view v sideways .1.3.6\n", "Error: TYPE must be included/excluded?"),
        ("view v included .1.3.6 ff:zz\n", "Error: invalid MASK"),
        ("view v included 1.x.6\n", "Error: bad SUBTREE object id"),
        ("group g v4 name\n", "Error: bad security model"),
        ("access g \"\" any nolevel exact a b c\n", "Error: bad security level"),
        ("authtrapenable 3\n", "line 1: Error"),
        ("exactEngineID 80\n", "line 1: Error"),
        ("agentaddress tcp:127.0.0.1:16161\n", "UDP only"),
        ("rouser bob priv .1.3 \"\"\n", "if context is specified, it cannot be blank"),
        ("[snmp] defVersion 3\n", "Warning: [snmp] defVersion is not used by snmp agent"),
    ])
    func diagnosticsNameTheirLine(text: String, expected: String) {
        var configuration = AgentConfiguration()
        let diagnostics = AgentConfigurationFile.parse("rocommunity kept\n" + text, into: &configuration)
        let shifted = expected.replacingLineNumbers(by: 1)
        #expect(diagnostics.contains { "\($0)".contains(shifted) }, "\(diagnostics)")
        // The rest of the file still applies.
        #expect(configuration.communityMappings.first?.community == "kept")
    }

    @Test func includeFileAndIncludeDirReadAsSnmpdDoes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("agent-include-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/conf.d", withIntermediateDirectories: true)
        try "rocommunity first\nincludeDir conf.d\nincludeFile main.conf\n".write(toFile: root + "/main.conf", atomically: true, encoding: .utf8)
        try "rocommunity second\n".write(toFile: root + "/conf.d/a.conf", atomically: true, encoding: .utf8)
        try "frobnicate\n".write(toFile: root + "/conf.d/b.conf", atomically: true, encoding: .utf8)
        try "rocommunity ignored\n".write(toFile: root + "/conf.d/c.txt", atomically: true, encoding: .utf8)
        var configuration = AgentConfiguration()
        let diagnostics = try AgentConfigurationFile.load([root + "/main.conf"], into: &configuration)
        // main.conf includes itself: read again up to the nesting limit, then refused with an error.
        #expect(configuration.communityMappings.prefix(2).map(\.community) == ["first", "second"])
        #expect(!configuration.communityMappings.contains { $0.community == "ignored" })
        #expect(diagnostics.contains { "\($0)" == root + "/conf.d/b.conf: line 1: Warning: Unknown token: frobnicate." })
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("nest deeper") })
    }

    @Test func engineIDTypeThreeIsTheNICsMACAsSnmpdBuildsIt() {
        var configuration = AgentConfiguration()
        let diagnostics = AgentConfigurationFile.parse("engineIDType 3\nengineIDNic lo\n", into: &configuration)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        // Net-SNMP's enterprise 8072, format 3 (MAC), the loopback's all-zero address.
        #expect(configuration.engineID == OctetString([0x80, 0x00, 0x1F, 0x88, 0x03, 0, 0, 0, 0, 0, 0]))
        var exact = AgentConfiguration()
        _ = AgentConfigurationFile.parse("engineIDType 3\nexactEngineID 0x8000000001020304\n", into: &exact)
        #expect(exact.engineID == OctetString([0x80, 0, 0, 0, 1, 2, 3, 4]), "an explicit engine ID wins")
    }

    @Test func secretsNeverAppearInDiagnostics() {
        var configuration = AgentConfiguration()
        let diagnostics = AgentConfigurationFile.parse("createUser alice SHA s3cr3t\n", into: &configuration)
        #expect(diagnostics.count == 1)
        #expect(!diagnostics.description.contains("s3cr3t"))
    }

    @Test func searchPathIsSnmpds() throws {
        let files = AgentConfigurationFile.defaultFiles(environment: ["SNMPCONFPATH": "/nonexistent-a:/nonexistent-b"])
        #expect(files.isEmpty)
        #expect(AgentConfigurationFile.defaultSearchPath(home: "/home/op") ==
                ["/etc/snmp", "/usr/share/snmp", "/usr/lib/snmp", "/home/op/.snmp"])
    }

    @Test func defaultsAreSnmpds() {
        let configuration = AgentConfiguration()
        #expect(!configuration.system.sysName.isEmpty)
        #expect(configuration.system.sysContact == "root")
        #expect(configuration.system.sysLocation == "Unknown")
        #expect(configuration.system.sysServices == 72)
        #expect(configuration.system.sysDescr.hasPrefix("Linux ") || !configuration.system.sysDescr.isEmpty)
    }
}

extension String {
    /// Shifts `line N` in an expected message by `offset` (the tests prepend one line).
    func replacingLineNumbers(by offset: Int) -> String {
        guard let range = range(of: "line "), let end = self[range.upperBound...].firstIndex(of: ":"),
              let number = Int(self[range.upperBound..<end]) else { return self }
        var result = self
        result.replaceSubrange(range.upperBound..<end, with: String(number + offset))
        return result
    }
}

@Suite("One user syntax (createUser's words)")
struct UserSyntaxTests {
    @Test(arguments: [
        ("alice SHA-256 authpass1 AES privpass1", SecurityLevel.authPriv, false),
        ("alice:SHA-256:authpass1:AES:privpass1", .authPriv, false),
        ("bob:MD5:authpass2:none:", .authNoPriv, false),
        ("carol:none::none:", .noAuthNoPriv, false),
        ("carol", .noAuthNoPriv, false),
        ("dave:SHA:authpass1:AES", .authPriv, false),
        ("erin:SHA:authpass1:8000000001020304", .authNoPriv, true),
        ("-e 0x8000000001020304 frank SHA authpass1", .authNoPriv, true),
        ("-e:8000000001020304:frank:SHA:-l:0x0102030405060708090a0b0c0d0e0f1011121314", .authNoPriv, true),
    ])
    func parses(text: String, level: SecurityLevel, hasEngine: Bool) throws {
        let definition = try USMUserDefinition(parsing: text)
        #expect(definition.user.maximumSecurityLevel == level)
        #expect((definition.engineID != nil) == hasEngine)
    }

    @Test func privacySecretDefaultsToTheAuthenticationOne() throws {
        let definition = try USMUserDefinition(createUserArguments: ["dave", "SHA", "authpass1", "AES"])
        #expect(definition.user.privSecret == definition.user.authSecret)
    }

    @Test func keysAreMasterOrLocalized() throws {
        let key = "0x" + String(repeating: "ab", count: 20)
        let definition = try USMUserDefinition(createUserArguments: ["k", "SHA", "-m", key, "AES", "-l", "0x" + String(repeating: "cd", count: 16)])
        #expect(definition.user.authSecret?.form == .masterKey)
        #expect(definition.user.privSecret?.form == .localizedKey)
    }

    @Test(arguments: ["", "x:SHA:short", "x:SHA-999:authpass1", "x:none::AES:privpass1", "x:SHA:-l:0x01",
                      "x SHA authpass1 AES privpass1 extra words"])
    func refuses(text: String) {
        #expect(throws: USMUserDefinition.SyntaxError.self) { try USMUserDefinition(parsing: text) }
    }

    @Test func agentUserTakesTheSameSyntax() throws {
        #expect(try AgentUser(parsing: "alice SHA-256 authpass1 AES privpass1").securityLevel == .authPriv)
        #expect(throws: SNMPError.self) { try AgentUser(parsing: "-e 8000000001020304 alice SHA authpass1") }
    }
}
