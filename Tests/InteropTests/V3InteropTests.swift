import Foundation
import Testing
import SNMP

/// One USM user of the fixture agent (Fixtures/_common.sh: `usr-<auth>-<priv>`, passphrases authkey1234 /
/// privkey1234, every user read-write at its own level).
struct FixtureUser: Sendable, CustomTestStringConvertible {
    let auth: String   // tag: none md5 sha sha224 sha256 sha384 sha512
    let priv: String   // tag: none des 3des aes128 aes192 aes256 aes192c aes256c (3des: pysnmp only)

    var name: String { "usr-\(auth)-\(priv)" }
    var testDescription: String { name }

    static let authNames = ["md5": "MD5", "sha": "SHA", "sha224": "SHA-224", "sha256": "SHA-256",
                            "sha384": "SHA-384", "sha512": "SHA-512"]
    static let privNames = ["des": "DES", "3des": "3DES", "aes128": "AES", "aes192": "AES-192", "aes256": "AES-256",
                            "aes192c": "AES-192-C", "aes256c": "AES-256-C"]

    /// The 43 users: every auth × priv pair Net-SNMP 5.9 supports, plus noAuthNoPriv.
    static let all: [FixtureUser] = [FixtureUser(auth: "none", priv: "none")]
        + ["md5", "sha", "sha224", "sha256", "sha384", "sha512"].flatMap { auth in
            ["none", "des", "aes128", "aes192", "aes256", "aes192c", "aes256c"].map { FixtureUser(auth: auth, priv: $0) }
        }

    /// Net-SNMP command-line options for this user at its own level.
    var options: [String] {
        guard let a = Self.authNames[auth] else { return ["-v3", "-u", name, "-l", "noAuthNoPriv"] }
        guard let x = Self.privNames[priv] else { return ["-v3", "-u", name, "-l", "authNoPriv", "-a", a, "-A", "authkey1234"] }
        return ["-v3", "-u", name, "-l", "authPriv", "-a", a, "-A", "authkey1234", "-x", x, "-X", "privkey1234"]
    }

    /// The high-level client's version for this user.
    var version: SNMPClient.Version {
        let authSetting: SNMPClient.Auth = switch auth {
        case "md5": .md5("authkey1234")
        case "sha": .sha("authkey1234")
        case "sha224": .sha224("authkey1234")
        case "sha256": .sha256("authkey1234")
        case "sha384": .sha384("authkey1234")
        case "sha512": .sha512("authkey1234")
        default: .none
        }
        let privSetting: SNMPClient.Priv = switch priv {
        case "des": .des("privkey1234")
        case "3des": .tripleDES("privkey1234")
        case "aes128": .aes128("privkey1234")
        case "aes192": .aes192("privkey1234")
        case "aes256": .aes256("privkey1234")
        case "aes192c": .aes192Cisco("privkey1234")
        case "aes256c": .aes256Cisco("privkey1234")
        default: .none
        }
        return .v3(user: name, auth: authSetting, priv: privSetting)
    }
}

/// SNMPv3 against a real snmpd with a user for every auth × priv pair: the CLI must print what Net-SNMP prints
/// and the high-level API must read and write with each.
@Suite(.snmpd, .enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct V3InteropTests {
    static let sysName = ".1.3.6.1.2.1.1.5.0"
    static let playString = ".1.3.6.1.4.1.8072.9999.1.2.0"

    static func agentAddress() throws -> String { "udp:127.0.0.1:\(try currentAgent().port)" }

    @Test(arguments: FixtureUser.all)
    func everyUserMatchesNetSNMP(_ user: FixtureUser) async throws {
        let agent = try currentAgent()
        let address = try Self.agentAddress()
        let options = user.options
        try await CLIComparison.expectSame("get", options + [address, Self.sysName, ".1.3.6.1.4.1.8072.9999.1.1.0"], agent: agent)
        try await CLIComparison.expectSame("getnext", options + [address, ".1.3.6.1.2.1.1.4"], agent: agent)
        try await CLIComparison.expectSame("bulkget", options + ["-Cn1", "-Cr5", address, ".1.3.6.1.2.1.1.1", ".1.3.6.1.2.1.1.9"],
                                     agent: agent)
        try await CLIComparison.expectSame("set", options + [address, Self.playString, "s", "set by \(user.name)"], agent: agent)
        try await CLIComparison.expectSame("bulkwalk", options + ["-Cr25", "-On", address, ".1"], agent: agent, normalize: true)

        let client = try await SNMPClient(agent: address, version: user.version,
                                          configuration: .init(timeout: .seconds(2), retries: 1))
        defer { Task { await client.shutdown() } }
        #expect(try await client.get(ObjectIdentifier(Self.sysName)!).value == .octetString("snmpd-interop"))
        let marker = OctetString("api \(user.name)")
        try await client.set(ObjectIdentifier(Self.playString)!, to: .octetString(marker))
        #expect(try await client.get(ObjectIdentifier(Self.playString)!).value == .octetString(marker))
        let bulk = try await client.getBulk(["1.3.6.1.2.1.1"], maxRepetitions: 3)
        #expect(bulk.map(\.oid) == ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.3.0"])
    }

    @Test func failuresMatchNetSNMP() async throws {
        let agent = try currentAgent()
        let address = try Self.agentAddress()
        let cases: [[String]] = [
            ["-v3", "-u", "usr-sha256-aes128", "-l", "authPriv", "-a", "SHA-256", "-A", "wrongpass1", "-x", "AES", "-X", "privkey1234"],
            ["-v3", "-u", "usr-sha256-aes128", "-l", "authPriv", "-a", "SHA-256", "-A", "authkey1234", "-x", "AES", "-X", "wrongpriv1",
             "-t", "0.3", "-r", "0"],
            ["-v3", "-u", "nosuchuser", "-l", "authNoPriv", "-a", "SHA", "-A", "authkey1234"],
            ["-v3", "-u", "usr-sha-none", "-l", "authPriv", "-a", "SHA", "-A", "authkey1234", "-x", "AES", "-X", "privkey1234"],
            ["-v3", "-u", "usr-sha-aes128", "-l", "authNoPriv", "-a", "SHA", "-A", "authkey1234"],
            ["-v3", "-u", "usr-sha-none", "-l", "authNoPriv", "-a", "SHA", "-A", "short"],
            ["-v3", "-u", "usr-sha-none", "-l", "authNoPriv", "-a", "SHA"],
            ["-v3", "-u", "usr-sha-none", "-l", "authNoPriv", "-a", "FOO", "-A", "authkey1234"],
            ["-v3", "-u", "usr-md5-des", "-l", "ap", "-A", "authkey1234", "-X", "privkey1234"],
            ["-v3", "-l", "authNoPriv"],
            ["-v3", "-u", "ro-sha256-aes128", "-l", "authPriv", "-a", "SHA-256", "-A", "authkey1234", "-x", "AES", "-X", "privkey1234"],
        ]
        for options in cases {
            try await CLIComparison.expectSame("get", options + [address, Self.sysName], agent: agent)
        }
        try await CLIComparison.expectSame("set", cases[10] + [address, Self.playString, "s", "x"], agent: agent)
    }

    @Test func apiFailuresAreTyped() async throws {
        let address = try Self.agentAddress()
        let configuration = SNMPClient.Configuration(timeout: .seconds(1), retries: 1)
        let cases: [(SNMPClient.Version, SNMPError.Code)] = [
            (.v3(user: "usr-sha-aes128", auth: .sha("wrongpass1"), priv: .aes128("privkey1234")), .authentication),
            (.v3(user: "usr-sha-aes128", auth: .sha("authkey1234"), priv: .aes128("wrongpriv1")), .timeout),
            (.v3(user: "nosuchuser", auth: .sha("authkey1234")), .unknownUserName),
            (.v3(user: "usr-sha-none", auth: .sha("authkey1234"), priv: .aes128("privkey1234")), .unsupportedSecurityLevel),
        ]
        for (version, code) in cases {
            let client = try await SNMPClient(agent: address, version: version, configuration: configuration)
            await #expect(throws: SNMPError(code)) { _ = try await client.get("1.3.6.1.2.1.1.5.0") }
            await client.shutdown()
        }
        // A priv user asking below its level is authenticated but not authorized (VACM): error-status.
        let client = try await SNMPClient(agent: address, version: .v3(user: "usr-sha-aes128", auth: .sha("authkey1234")),
                                          configuration: configuration)
        await #expect(throws: SNMPError(.errorStatus, errorStatus: .authorizationError, errorIndex: 0)) {
            _ = try await client.get("1.3.6.1.2.1.1.5.0")
        }
        await client.shutdown()
    }

    @Test func knownEngineIDSkipsDiscoveryAndLocalizedKeysWork() async throws {
        let address = try Self.agentAddress()
        let engineID = OctetString([0x80, 0x00, 0x1f, 0x88, 0x80, 0xaa, 0xbb, 0xcc, 0xdd, 0x00, 0x00, 0x00, 0x01])
        let client = try await SNMPClient(agent: address, version: .v3(user: "usr-sha256-aes128", auth: .sha256("authkey1234"),
                                                                         priv: .aes128("privkey1234"), engineID: engineID))
        defer { Task { await client.shutdown() } }
        #expect(try await client.get("1.3.6.1.2.1.1.5.0").value == .octetString("snmpd-interop"))
        // The discovery probe is a plain noAuthNoPriv exchange: with the engine ID given there is exactly one
        // request (the authenticated one plus, at most, one time-synchronising retry).
        let statistics = try await client.engine.dispatcher.statistics().get()
        #expect(statistics.outPackets <= 2)
    }
}

/// An agent that restarts with a new engine ID and boots counter: the client recovers as RFC 3414 §4 says.
@Suite(.enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct V3EngineChangeTests {
    @Test func clientRecoversWhenTheAgentRestartsWithNewEngineAndBoots() async throws {
        let first = try NetSNMPDaemon.start("snmpd-start", stop: "snmpd-stop",
                                            arguments: ["--port", "auto", "--engine-id", "0x80001f8880aabbccdd000000a1"])
        let port = first.port
        let client = try await SNMPClient(agent: "udp:127.0.0.1:\(port)",
                                          version: .v3(user: "usr-sha-aes128", auth: .sha("authkey1234"), priv: .aes128("privkey1234")),
                                          configuration: .init(timeout: .seconds(1), retries: 2))
        defer { Task { await client.shutdown() } }
        #expect(try await client.get("1.3.6.1.2.1.1.5.0").value == .octetString("snmpd-interop"))
        first.stop()

        // Same port, new engine ID and a higher boots counter.
        let second = try NetSNMPDaemon.start("snmpd-start", stop: "snmpd-stop",
                                             arguments: ["--port", "\(port)", "--engine-id", "0x80001f8880aabbccdd000000b2",
                                                         "--engine-boots", "7"])
        defer { second.stop() }
        #expect(try await client.get("1.3.6.1.2.1.1.5.0").value == .octetString("snmpd-interop"))

        // Same engine, restarted with boots + 1: an authenticated notInTimeWindow Report resynchronises.
        second.stop()
        let third = try NetSNMPDaemon.start("snmpd-start", stop: "snmpd-stop",
                                            arguments: ["--port", "\(port)", "--engine-id", "0x80001f8880aabbccdd000000b2",
                                                        "--engine-boots", "8"])
        defer { third.stop() }
        #expect(try await client.get("1.3.6.1.2.1.1.5.0").value == .octetString("snmpd-interop"))
    }
}
