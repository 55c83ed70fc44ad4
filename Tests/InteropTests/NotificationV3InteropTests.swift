import Foundation
import Testing
import NIOCore
import SNMP

/// Hex engine IDs of the fixtures (Fixtures/_common.sh).
enum FixtureEngines {
    /// The engine ID snmptrapd knows every user for, as the sender of SNMPv3 traps.
    static let sender = "0x80001f8880aabbccdd00000003"

    static func octets(_ hex: String) -> OctetString {
        var bytes: [UInt8] = []
        var digits = Substring(hex.dropFirst(2))
        while digits.count >= 2 {
            bytes.append(UInt8(digits.prefix(2), radix: 16) ?? 0)
            digits = digits.dropFirst(2)
        }
        return OctetString(bytes)
    }
}

/// One of our `snmp trap`/`snmp inform` runs and what snmptrapd must log for it.
struct NotificationCLICase: Sendable, CustomTestStringConvertible {
    let name: String
    let command: String
    let options: [String]
    let v1: Bool
    let logPrefix: String

    var testDescription: String { name }

    static let v3SHA512 = ["-v", "3", "-u", "usr-sha512-aes256c", "-l", "authPriv", "-a", "SHA-512", "-A", "authkey1234",
                           "-x", "AES-256-C", "-X", "privkey1234"]
    static let v3MD5 = ["-v", "3", "-u", "usr-md5-des", "-l", "authPriv", "-a", "MD5", "-A", "authkey1234",
                        "-x", "DES", "-X", "privkey1234"]

    static let all: [NotificationCLICase] = [
        .init(name: "v1 trap", command: "trap", options: ["-v", "1", "-c", "public"], v1: true,
              logPrefix: "TRAP, SNMP v1, community public"),
        .init(name: "v2c trap", command: "trap", options: ["-v", "2c", "-c", "public"], v1: false,
              logPrefix: "TRAP2, SNMP v2c, community public"),
        .init(name: "v2c inform", command: "inform", options: ["-v", "2c", "-c", "public"], v1: false,
              logPrefix: "INFORM, SNMP v2c, community public"),
        .init(name: "v2c trap -Ci", command: "trap", options: ["-v", "2c", "-c", "public", "-Ci"], v1: false,
              logPrefix: "INFORM, SNMP v2c, community public"),
        .init(name: "v3 trap SHA-512/AES-256-C", command: "trap", options: v3SHA512 + ["-e", FixtureEngines.sender],
              v1: false, logPrefix: "TRAP2, SNMP v3, user usr-sha512-aes256c, context "),
        .init(name: "v3 inform SHA-512/AES-256-C", command: "inform", options: v3SHA512, v1: false,
              logPrefix: "INFORM, SNMP v3, user usr-sha512-aes256c, context "),
        .init(name: "v3 trap MD5/DES", command: "trap", options: v3MD5 + ["-e", FixtureEngines.sender], v1: false,
              logPrefix: "TRAP2, SNMP v3, user usr-md5-des, context "),
        .init(name: "v3 inform MD5/DES", command: "inform", options: v3MD5, v1: false,
              logPrefix: "INFORM, SNMP v3, user usr-md5-des, context "),
    ]
}

/// Our originator (CLI and high-level API, SNMPv1/v2c/v3) received by a real snmptrapd with every varbind intact.
///
/// Waits are long (20 s) because snmptrapd finishes its start-up (MIB loading) after its socket is bound: on
/// a loaded machine the first notification can sit in the socket for seconds before it is logged.
@Suite(.snmptrapd, .enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct NotificationV3InteropTests {
    /// TYPE VALUE triples and the text snmptrapd logs for each (`-On`).
    static let varBindArguments: [(arguments: [String], logged: String)] = [
        ([".1.3.6.1.4.1.8072.9999.2.2.0", "i", "-5"], ".1.3.6.1.4.1.8072.9999.2.2.0 = INTEGER: -5"),
        ([".1.3.6.1.4.1.8072.9999.2.3.0", "x", "01 02 FF"], ".1.3.6.1.4.1.8072.9999.2.3.0 = Hex-STRING: 01 02 FF"),
        ([".1.3.6.1.4.1.8072.9999.2.4.0", "a", "10.1.2.3"], ".1.3.6.1.4.1.8072.9999.2.4.0 = IpAddress: 10.1.2.3"),
        ([".1.3.6.1.4.1.8072.9999.2.5.0", "o", ".1.3.6.1.2"], ".1.3.6.1.4.1.8072.9999.2.5.0 = OID: .1.3.6.1.2"),
        ([".1.3.6.1.4.1.8072.9999.2.6.0", "t", "12345"], ".1.3.6.1.4.1.8072.9999.2.6.0 = Timeticks: (12345) 0:02:03.45"),
        ([".1.3.6.1.4.1.8072.9999.2.7.0", "u", "6"], ".1.3.6.1.4.1.8072.9999.2.7.0 = Gauge32: 6"),
        ([".1.3.6.1.4.1.8072.9999.2.8.0", "c", "7"], ".1.3.6.1.4.1.8072.9999.2.8.0 = Counter32: 7"),
    ]
    static let counter64 = ([".1.3.6.1.4.1.8072.9999.2.9.0", "C", "18446744073709551615"],
                            ".1.3.6.1.4.1.8072.9999.2.9.0 = Counter64: 18446744073709551615")

    @Test(arguments: NotificationCLICase.all)
    func ourCommandReachesSnmptrapd(_ testCase: NotificationCLICase) async throws {
        let receiver = try currentReceiver()
        let marker = "m\(UInt32.random(in: 0...UInt32.max))"
        let agent = "udp:127.0.0.1:\(receiver.port)"
        var expected = Self.varBindArguments
        if !testCase.v1 { expected.append(Self.counter64) }
        let header = testCase.v1 ? ["1.3.6.1.4.1.8072.9999", "192.0.2.7", "6", "17", "4242"] : ["4242", "1.3.6.1.6.3.1.1.5.3"]
        let arguments = [testCase.command] + testCase.options + [agent] + header
            + ["1.3.6.1.4.1.8072.9999.2.1.0", "s", marker] + expected.flatMap(\.arguments)
        let result = try await SNMPCommand.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
        let line = try #require(try await receiver.waitForNotification(containing: marker, timeout: .seconds(20)))
        #expect(line.contains(testCase.logPrefix))
        #expect(line.contains(".1.3.6.1.4.1.8072.9999.2.1.0 = STRING: \"\(marker)\""))
        for (_, logged) in expected { #expect(line.contains(logged), "\(logged) missing in \(line)") }
        if testCase.v1 {
            #expect(line.contains("enterprise=.1.3.6.1.4.1.8072.9999\tagent=192.0.2.7\tgeneric=6\tspecific=.17\tuptime=4242"))
        } else {
            #expect(line.contains(".1.3.6.1.2.1.1.3.0 = Timeticks: (4242) 0:00:42.42\t.1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.3"))
        }
    }

    @Test func emptyOperandsTakeNetSNMPDefaults() async throws {
        let receiver = try currentReceiver()
        let marker = "d\(UInt32.random(in: 0...UInt32.max))"
        let result = try await SNMPCommand.run(["trap", "-v", "1", "-c", "public", "udp:127.0.0.1:\(receiver.port)", "", "", "3", "0", "",
                                          "1.3.6.1.4.1.8072.9999.2.1.0", "s", marker])
        #expect(result.status == 0)
        let line = try #require(try await receiver.waitForNotification(containing: marker, timeout: .seconds(20)))
        #expect(line.contains("enterprise=.1.3.6.1.4.1.3.1.1\t"))
        #expect(line.contains("generic=3\t"))
        #expect(!line.contains("uptime=0\t"), "an empty uptime is the host's uptime")
    }

    @Test func highLevelNotifierSendsV3TrapsAndInforms() async throws {
        let receiver = try currentReceiver()
        var configuration = SNMPNotifier.Configuration(timeout: .seconds(1), retries: 2)
        configuration.engineID = FixtureEngines.octets(FixtureEngines.sender)
        let notifier = try await SNMPNotifier(host: "127.0.0.1", port: Int(receiver.port),
                                              version: .v3(user: "usr-sha256-aes128", auth: .sha256("authkey1234"),
                                                           priv: .aes128("privkey1234")),
                                              configuration: configuration)
        defer { Task { await notifier.shutdown() } }
        let trapMarker = "t\(UInt32.random(in: 0...UInt32.max))"
        try await notifier.sendTrap(.linkDown, varBinds: [VarBind("1.3.6.1.4.1.8072.9999.2.1.0", .octetString(OctetString(trapMarker)))])
        let trapLine = try #require(try await receiver.waitForNotification(containing: trapMarker, timeout: .seconds(20)))
        #expect(trapLine.contains("TRAP2, SNMP v3, user usr-sha256-aes128"))
        #expect(trapLine.contains(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.3"))

        let informMarker = "i\(UInt32.random(in: 0...UInt32.max))"
        let acknowledged = try await notifier.sendInform(.linkUp, varBinds: [VarBind("1.3.6.1.4.1.8072.9999.2.1.0", .octetString(OctetString(informMarker)))],
                                                         upTime: 77)
        #expect(acknowledged.count == 3)
        #expect(acknowledged.first == VarBind("1.3.6.1.2.1.1.3.0", .timeTicks(77)))
        let informLine = try #require(try await receiver.waitForNotification(containing: informMarker, timeout: .seconds(20)))
        #expect(informLine.contains("INFORM, SNMP v3, user usr-sha256-aes128"))
    }

    @Test func defaultV1TrapOfTheHighLevelAPI() async throws {
        let receiver = try currentReceiver()
        let notifier = try await SNMPNotifier(host: "127.0.0.1", port: Int(receiver.port), version: .v1(community: "public"))
        defer { Task { await notifier.shutdown() } }
        let marker = "v\(UInt32.random(in: 0...UInt32.max))"
        try await notifier.sendTrapV1(varBinds: [VarBind("1.3.6.1.4.1.8072.9999.2.1.0", .octetString(OctetString(marker)))])
        let line = try #require(try await receiver.waitForNotification(containing: marker, timeout: .seconds(20)))
        #expect(line.contains("TRAP, SNMP v1, community public"))
        #expect(line.contains("enterprise=.1.3.6.1.4.1.3.1.1\t"))
        #expect(line.contains("generic=0\t"))
    }
}

/// `snmp trap`/`snmp inform` print what snmptrap/snmpinform print, with the same exit status.
@Suite(.snmptrapd, .enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct TrapCommandComparisonTests {
    /// Vectors observed with Net-SNMP 5.9.3's snmptrap and snmpinform; AGENT is the suite's snmptrapd.
    static let vectors: [(command: String, arguments: [String])] = [
        ("trap", ["-v2c", "-c", "public", "AGENT"]),
        ("trap", ["-v2c", "-c", "public", "AGENT", "1"]),
        ("trap", ["-v1", "-c", "public", "AGENT"]),
        ("trap", ["-v1", "-c", "public", "AGENT", "1.3.6"]),
        ("trap", ["-v1", "-c", "public", "AGENT", "1.3.6", "1.2.3.4"]),
        ("trap", ["-v1", "-c", "public", "AGENT", "1.3.6", "1.2.3.4", "6"]),
        ("trap", ["-v1", "-c", "public", "AGENT", "1.3.6", "1.2.3.4", "6", "1"]),
        ("trap", ["-v1", "-c", "public", "AGENT", "xx.yy", "1.2.3.4", "6", "1", "1"]),
        ("trap", ["-v2c", "-c", "public", "AGENT", "1", "foo"]),
        ("trap", ["-v2c", "-c", "public", "AGENT", "1", "1.3.6", "1.3.6.1", "s"]),
        ("trap", ["-v2c", "-c", "public", "AGENT", "1", "1.3.6", "1.3.6.1", "q", "x"]),
        ("trap", ["-v2c", "-c", "public", "AGENT", "1", "1.3.6", "1.3.6.1", "i", "abc"]),
        ("trap", ["-v3", "AGENT", "1", "1.3.6.1.6.3.1.1.5.1"]),
        ("trap", ["-v2c", "-c", "public", "AGENT", "", "1.3.6.1.6.3.1.1.5.1", "1.3.6.1.2.1.1.1.0", "s", "compare"]),
        ("trap", ["-v1", "-c", "public", "AGENT", "", "", "0", "0", "", "1.3.6.1.2.1.1.1.0", "i", "-3"]),
        ("inform", ["-v1", "-c", "public", "AGENT", "1.3.6", "1.2.3.4", "6", "1", "1"]),
        ("inform", ["-v2c", "-c", "public", "AGENT", "", "1.3.6.1.6.3.1.1.5.1"]),
        ("inform", ["-v2c", "-c", "public", "-t", "0.2", "-r", "0", "udp:127.0.0.1:9", "", "1.3.6.1.6.3.1.1.5.1"]),
    ]

    @Test(arguments: vectors.indices)
    func sameOutputAsNetSNMP(_ index: Int) async throws {
        let receiver = try currentReceiver()
        let vector = Self.vectors[index]
        // Net-SNMP announces creating its persistent directory on first use: create it beforehand.
        try FileManager.default.createDirectory(atPath: receiver.dir + "/client-persist/cert_indexes",
                                                withIntermediateDirectories: true)
        let arguments = vector.arguments.map { $0 == "AGENT" ? "udp:127.0.0.1:\(receiver.port)" : $0 }
        try await CLIComparison.expectSame(vector.command, arguments, agent: receiver)
    }
}
