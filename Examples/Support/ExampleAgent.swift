import Logging
import SNMPAccessControl
import NIOConcurrencyHelpers
import SNMP

/// The agent the manager examples talk to when no `--agent` is given: ours, in-process, on free loopback
/// ports, set up like the test fixtures' snmpd (same engine ID, communities, users and playpen scalars), so
/// an example prints the same thing against either.
enum ExampleAgent {
    /// snmpd's engine ID in the fixtures; localized keys in the examples are localized to it.
    static let engineID = OctetString([0x80, 0x00, 0x1f, 0x88, 0x80, 0xaa, 0xbb, 0xcc, 0xdd, 0x00, 0x00, 0x00, 0x01])
    /// A second context the agent serves (the same objects), for the context-name scenarios.
    static let extraContext = "lab"
    /// The fixture users: name, auth, priv (passphrases authkey1234 / privkey1234).
    static let users: [(String, SNMPClient.Auth, SNMPClient.Priv)] = [
        ("usr-none-none", .none, .none),
        ("usr-md5-none", .md5("authkey1234"), .none),
        ("usr-md5-des", .md5("authkey1234"), .des("privkey1234")),
        ("usr-sha-none", .sha("authkey1234"), .none),
        ("usr-sha-aes128", .sha("authkey1234"), .aes128("privkey1234")),
        ("usr-sha256-aes128", .sha256("authkey1234"), .aes128("privkey1234")),
    ]

    /// The USM users of ``users``.
    static var usmUsers: [USMUser] {
        users.map { name, auth, priv in
            USMUser(userName: OctetString(name), auth: auth.authProtocol, authSecret: auth.secret,
                    priv: priv.privProtocol, privSecret: priv.secret)
        }
    }

    /// Starts the agent on `udp:127.0.0.1:0` and `udp6:[::1]:0`.
    static func start() async throws -> SNMPAgent {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = ["udp:127.0.0.1:0", "udp6:[::1]:0"]
        configuration.engineID = engineID
        configuration.communities = [AgentCommunity("public"), AgentCommunity("private", access: .readWrite)]
        configuration.users = usmUsers.map { AgentUser($0) }
        configuration.system.sysDescr = "swift-snmp example agent"
        configuration.system.sysName = "example-agent"
        configuration.system.sysContact = "interop@example.invalid"
        configuration.system.sysLocation = "loopback-test-lab"
        // The extra context: every user and community may read and write it as they may the default one.
        configuration.vacm.add(VACMContext(extraContext))
        for user in configuration.users {
            configuration.vacm.add(VACMAccess(groupName: "user:" + user.user.securityName, contextPrefix: extraContext,
                                              securityModel: .usm, securityLevel: user.securityLevel,
                                              readView: AgentConfiguration.allView,
                                              writeView: AgentConfiguration.allView))
        }
        var quiet = Logger(label: "snmp.examples.agent")
        quiet.logLevel = .warning
        return try await SNMPAgent.start(configuration: configuration, logger: quiet, registerMIB: registerPlaypen)
    }

    /// Scalars under NET-SNMP-MIB::netSnmpExperimental.1 (.1.3.6.1.4.1.8072.9999.1) with the values and types the fixture snmpd overrides them with.
    static func registerPlaypen(_ mib: inout ManagedObjectTree) throws {
        let playpen: ObjectIdentifier = "1.3.6.1.4.1.8072.9999.1"
        let initial: [(UInt32, SNMPValue, Bool)] = [
            (1, .integer(42), true), (2, .octetString("hello world"), true), (3, .counter32(123_456), false),
            (4, .gauge32(4_294_967_295), true), (5, .timeTicks(100), false),
            (6, .objectIdentifier("1.3.6.1.4.1.8072.3.2.10"), true),
        ]
        for (arc, value, writable) in initial {
            let cell = NIOLockedValueBox(value)
            if writable {
                try mib.register(scalar: playpen.appending(arc), access: .readWrite,
                                 get: { cell.withLockedValue { $0 } },
                                 set: { @Sendable new in cell.withLockedValue { $0 = new } })
            } else {
                try mib.register(scalar: playpen.appending(arc), get: { cell.withLockedValue { $0 } })
            }
        }
    }
}
