import Foundation
import Testing
import SNMP

/// Net-SNMP's tools against our agent over SNMPv3: every auth × priv pair both implementations support, a
/// VACM-restricted user, and the USM failures.
@Suite(.enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct AgentV3InteropTests {
    static let authKey = "authkey1234", privKey = "privkey1234"

    /// Our users, named like the snmpd fixture's (`usr-<auth>-<priv>`), read-write at their own level, plus
    /// `viewer`, who sees only the system group.
    static func configuration() throws -> AgentConfiguration {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = ["udp:127.0.0.1:0"]
        configuration.system.sysDescr = "swift-snmp agent"
        for user in FixtureUser.all {
            let text = [user.name, FixtureUser.authNames[user.auth] ?? "none", authKey,
                        FixtureUser.privNames[user.priv] ?? "none", privKey].joined(separator: ":")
            configuration.users.append(try AgentUser(parsing: text))
        }
        try configuration.vacm.addIncludedView("systemOnly", subtrees: ["1.3.6.1.2.1.1"])
        configuration.users.append(AgentUser(
            USMUser(userName: "viewer", auth: .hmacSHA256, authSecret: .passphrase(authKey),
                    priv: .aes128, privSecret: .passphrase(privKey)),
            access: .readOnly, view: "systemOnly"))
        return configuration
    }

    static func tool(_ name: String, _ arguments: [String], home: String) async throws -> ToolResult {
        try await ToolResult.run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments,
                           environment: ["MIBS": "", "SNMPCONFPATH": home, "HOME": home,
                                         "SNMP_PERSISTENT_DIR": home + "/persist"])
    }

    @Test func everyUserReadsWalksAndWrites() async throws {
        let agent = try await SNMPAgent.start(configuration: try Self.configuration())
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("agent-v3-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/persist", withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(atPath: home)
            Task { await agent.shutdown() }
        }
        let port = try #require(try await agent.localAddresses().first?.port)
        let address = "udp:127.0.0.1:\(port)"
        for user in FixtureUser.all {
            let get = try await Self.tool("snmpget", user.options + ["-On", address, "1.3.6.1.2.1.1.1.0", "1.3.6.1.6.3.10.2.1.2.0"],
                                    home: home)
            #expect(get.status == 0, "\(user.name): \(get.stderr)")
            #expect(get.stdout.hasPrefix(".1.3.6.1.2.1.1.1.0 = STRING: \"swift-snmp agent\""), "\(user.name)")
            let contact = "set by \(user.name)"
            let set = try await Self.tool("snmpset", user.options + ["-On", address, "1.3.6.1.2.1.1.4.0", "s", contact], home: home)
            #expect(set.stdout == ".1.3.6.1.2.1.1.4.0 = STRING: \"\(contact)\"\n", "\(user.name): \(set.stderr)")
            let walk = try await Self.tool("snmpbulkwalk", user.options + ["-On", "-Cr10", address, "1.3.6.1.2.1.1"], home: home)
            #expect(walk.status == 0, "\(user.name): \(walk.stderr)")
            #expect(walk.stdout.contains(".1.3.6.1.2.1.1.4.0 = STRING: \"\(contact)\""), "\(user.name)")
            #expect(walk.stdout.split(separator: "\n").count >= 7 + 2 * SystemCapabilityCount.value, "\(user.name)")
        }
    }

    @Test func restrictedUserSeesOnlyItsViewAndFailuresAreReported() async throws {
        let agent = try await SNMPAgent.start(configuration: try Self.configuration())
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("agent-v3-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/persist", withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(atPath: home)
            Task { await agent.shutdown() }
        }
        let port = try #require(try await agent.localAddresses().first?.port)
        let address = "udp:127.0.0.1:\(port)"
        let viewer = ["-v3", "-u", "viewer", "-l", "authPriv", "-a", "SHA-256", "-A", Self.authKey, "-x", "AES", "-X", Self.privKey]
        let walk = try await Self.tool("snmpbulkwalk", viewer + ["-On", address, ".1"], home: home)
        let names = walk.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        #expect(!names.isEmpty)
        #expect(names.dropLast().allSatisfy { $0.hasPrefix(".1.3.6.1.2.1.1.") }, "\(names.suffix(3))")
        #expect(walk.stdout.hasSuffix("No more variables left in this MIB View (It is past the end of the MIB tree)\n"))
        let hidden = try await Self.tool("snmpget", viewer + ["-On", address, "1.3.6.1.6.3.10.2.1.2.0"], home: home)
        #expect(hidden.stdout == ".1.3.6.1.6.3.10.2.1.2.0 = No Such Object available on this agent at this OID\n")
        let write = try await Self.tool("snmpset", viewer + ["-On", address, "1.3.6.1.2.1.1.4.0", "s", "x"], home: home)
        #expect(write.status == 2)
        #expect(write.stderr.contains("noAccess"))

        let cases: [([String], String)] = [
            (["-v3", "-u", "viewer", "-l", "authPriv", "-a", "SHA-256", "-A", "wrongpass99", "-x", "AES", "-X", Self.privKey],
             "snmpget: Authentication failure (incorrect password, community or key)\n"),
            (["-v3", "-u", "nobody", "-l", "authNoPriv", "-a", "SHA-256", "-A", Self.authKey],
             "snmpget: Unknown user name\n"),
            (["-v3", "-u", "usr-sha-none", "-l", "authPriv", "-a", "SHA", "-A", Self.authKey, "-x", "AES", "-X", Self.privKey],
             "snmpget: Unsupported security level\n"),
            (["-v3", "-u", "usr-sha-aes128", "-l", "authNoPriv", "-a", "SHA", "-A", Self.authKey],
             "Error in packet\nReason: authorizationError (access denied to that object)\n"),
        ]
        for (options, expected) in cases {
            let result = try await Self.tool("snmpget", options + [address, "1.3.6.1.2.1.1.5.0"], home: home)
            #expect(result.stderr == expected, "\(options)")
        }
        let statistics = agent.engine.usm.statistics
        #expect(statistics.wrongDigests == 1)
        #expect(statistics.unknownUserNames == 1)
        #expect(statistics.unsupportedSecLevels == 1)
    }

    @Test func ourClientTalksToOurAgentWithEveryPair() async throws {
        let agent = try await SNMPAgent.start(configuration: try Self.configuration())
        defer { Task { await agent.shutdown() } }
        let port = try #require(try await agent.localAddresses().first?.port)
        for user in FixtureUser.all {
            let client = try await SNMPClient(agent: "udp:127.0.0.1:\(port)", version: user.version)
            #expect(try await client.get("1.3.6.1.2.1.1.1.0").value == .octetString("swift-snmp agent"), "\(user.name)")
            var count = 0
            for try await _ in client.bulkWalk("1.3.6.1.2.1.1") { count += 1 }
            #expect(count >= 7, "\(user.name)")
            await client.shutdown()
        }
    }
}
