import Foundation
import Testing
import NIOCore
import SNMP

/// Net-SNMP's snmptrap/snmpinform and pysnmp's originator received by our TrapReceiver and by `snmp trapd`;
/// informs that are never answered, and informs whose acknowledgement is lost once.
@Suite(.enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct NotificationReceiverInteropTests {
    static let user = "usr-sha256-aes128"
    static let userOptions = ["-v3", "-u", user, "-l", "authPriv", "-a", "SHA-256", "-A", "authkey1234", "-x", "AES",
                              "-X", "privkey1234"]
    static let markerOID = "1.3.6.1.4.1.8072.9999.2.1.0"

    /// Net-SNMP client tools with no MIBs, no user configuration and a throwaway persistent directory.
    static func netSNMP(_ tool: String, _ arguments: [String]) async throws -> ToolResult {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("snmp-client-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try await ToolResult.run(URL(fileURLWithPath: "/usr/bin/env"), [tool] + arguments,
                                  environment: ["MIBS": "", "SNMPCONFPATH": dir, "SNMP_PERSISTENT_DIR": dir, "HOME": dir])
    }

    static func receiverConfiguration() -> TrapReceiver.Configuration {
        var configuration = TrapReceiver.Configuration(listen: ["udp:127.0.0.1:0"])
        configuration.communities = ["public"]
        configuration.users = [
            .init(user, auth: .sha256("authkey1234"), priv: .aes128("privkey1234"),
                  engineID: FixtureEngines.octets(FixtureEngines.sender)),
            .init(user, auth: .sha256("authkey1234"), priv: .aes128("privkey1234")),
        ]
        return configuration
    }

    /// Collects what `receiver` yields, from now on.
    static func collecting(_ receiver: TrapReceiver) -> (ReceivedBox, Task<Void, Never>) {
        let box = ReceivedBox()
        let task = Task { for await received in receiver { box.append(received) } }
        return (box, task)
    }

    @Test func netSNMPv2cAndV3ReachTrapReceiver() async throws {
        let receiver = try await TrapReceiver(configuration: Self.receiverConfiguration())
        let (box, task) = Self.collecting(receiver)
        defer { task.cancel(); Task { await receiver.shutdown() } }
        let port = try #require(try await receiver.localAddresses().first?.port)
        let agent = "udp:127.0.0.1:\(port)"

        let v3Trap = try await Self.netSNMP("snmptrap", Self.userOptions + ["-e", FixtureEngines.sender, "-n", "ctx-a", agent, "11",
                                                                      "1.3.6.1.6.3.1.1.5.4", Self.markerOID, "s", "v3 trap",
                                                                      "1.3.6.1.2.1.2.2.1.1.2", "i", "2"])
        #expect(v3Trap.status == 0, "\(v3Trap.stderr)")
        // snmpinform -v3 first discovers our engine ID (RFC 3414 §4), then sends the inform.
        let v3Inform = try await Self.netSNMP("snmpinform", Self.userOptions + ["-t", "1", "-r", "1", agent, "22",
                                                                          "1.3.6.1.6.3.1.1.5.3", Self.markerOID, "s", "v3 inform"])
        #expect(v3Inform.status == 0, "\(v3Inform.stderr)")
        let v2Inform = try await Self.netSNMP("snmpinform", ["-v2c", "-c", "public", "-t", "1", "-r", "1", agent, "33",
                                                       "1.3.6.1.6.3.1.1.5.1", Self.markerOID, "x", "01 02 FF"])
        #expect(v2Inform.status == 0, "\(v2Inform.stderr)")
        let wrongUser = try await Self.netSNMP("snmptrap", ["-v3", "-u", "nobody", "-l", "noAuthNoPriv", "-e", FixtureEngines.sender,
                                                      agent, "1", "1.3.6.1.6.3.1.1.5.1"])
        #expect(wrongUser.status == 0)

        try await box.wait(count: 3)
        try await Task.sleep(for: .milliseconds(200))
        let all = box.all
        #expect(all.count == 3)

        let trap = try #require(all.first { $0.version == .v3 && !$0.isInform })
        #expect(trap.securityName == OctetString(Self.user))
        #expect(trap.securityLevel == .authPriv)
        #expect(trap.contextName == "ctx-a")
        // snmptrap's -e names the authoritative (security) engine; its contextEngineID stays its own.
        #expect(!trap.contextEngineID.isEmpty)
        #expect(trap.notification == SNMPNotification(.linkUp, upTime: 11, varBinds: [
            VarBind(ObjectIdentifier(Self.markerOID) ?? [], .octetString("v3 trap")),
            VarBind("1.3.6.1.2.1.2.2.1.1.2", .integer(2)),
        ]))

        let inform = try #require(all.first { $0.version == .v3 && $0.isInform })
        #expect(inform.securityName == OctetString(Self.user))
        #expect(inform.securityLevel == .authPriv)
        #expect(inform.notification?.varBinds == [VarBind(ObjectIdentifier(Self.markerOID) ?? [], .octetString("v3 inform"))])

        let v2 = try #require(all.first { $0.version == .v2c })
        #expect(v2.isInform)
        #expect(v2.notification?.varBinds == [VarBind(ObjectIdentifier(Self.markerOID) ?? [], .octetString(OctetString([1, 2, 0xFF])))])
    }

    @Test func pysnmpDefaultV1TrapReachesTrapReceiver() async throws {
        let python = URL(fileURLWithPath: "/usr/bin/env")
        let probe = try await ToolResult.run(python, ["python3", "-c", "import pysnmp.hlapi.v3arch.asyncio"])
        guard probe.status == 0 else {
            // Skipped, not failed: pysnmp is optional on developer machines (`pip install pysnmp`).
            print("pysnmp is not installed (pip install pysnmp): skipping the pysnmp originator check")
            return
        }
        let receiver = try await TrapReceiver(configuration: Self.receiverConfiguration())
        let (box, task) = Self.collecting(receiver)
        defer { task.cancel(); Task { await receiver.shutdown() } }
        let port = try #require(try await receiver.localAddresses().first?.port)
        let script = """
            import asyncio, sys
            from pysnmp.hlapi.v3arch.asyncio import *

            async def run(port):
                engine = SnmpEngine()
                errorIndication, errorStatus, errorIndex, varBinds = await send_notification(
                    engine,
                    CommunityData("public", mpModel=0),
                    await UdpTransportTarget.create(("127.0.0.1", port)),
                    ContextData(),
                    "trap",
                    NotificationType(ObjectIdentity("1.3.6.1.6.3.1.1.5.2")).add_varbinds(
                        ("1.3.6.1.6.3.1.1.4.3.0", ObjectIdentifier("1.3.6.1.4.1.20408.4.1.1.2")),
                        ("1.3.6.1.2.1.1.1.0", OctetString("my system")),
                    ),
                )
                engine.close_dispatcher()
                if errorIndication:
                    print(errorIndication, file=sys.stderr)
                    sys.exit(1)

            asyncio.run(run(int(sys.argv[1])))
            """
        let result = try await ToolResult.run(python, ["python3", "-c", script, "\(port)"])
        #expect(result.status == 0, "\(result.stderr)")
        try await box.wait(count: 1)
        let received = try #require(box.all.first)
        #expect(received.version == .v1)
        #expect(received.securityName == "public")
        let trap = try #require(received.trapV1)
        // RFC 3584 §3.2 on pysnmp's side: warmStart with snmpTrapEnterprise.0 becomes generic 1 of that enterprise.
        #expect(trap.genericTrap == .warmStart)
        #expect(trap.enterprise == "1.3.6.1.4.1.20408.4.1.1.2")
        #expect(trap.varBinds == [VarBind("1.3.6.1.2.1.1.1.0", .octetString("my system"))])
        #expect(received.notification?.trapOID == .warmStart)
    }

    @Test func netSNMPToolsReachOurTrapdCommand() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trapd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("snmptrapd.conf").path
        let log = dir.appendingPathComponent("traps.log").path
        try """
            # a subset of snmptrapd.conf
            authCommunity log,execute,net public
            createUser -e \(FixtureEngines.sender) \(Self.user) SHA-256 authkey1234 AES privkey1234
            authUser log \(Self.user)
            """.write(toFile: config, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = SNMPCommand.executable
        process.arguments = ["trapd", "-f", "-C", "-c", config, "-Lf", log, "--listen", "udp:127.0.0.1:0",
                             "--user", "\(Self.user):SHA-256:authkey1234:AES:privkey1234"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // The first line on stderr says where it listens (port 0 picks a free one).
        let banner = String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(banner.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) },
                                "no listening line: \(banner)")
        let agent = "udp:127.0.0.1:\(port)"

        #expect(try await Self.netSNMP("snmptrap", ["-v1", "-c", "public", agent, "1.3.6.1.4.1.8072.9999", "192.0.2.9", "6", "42", "77",
                                              Self.markerOID, "s", "v1 marker"]).status == 0)
        #expect(try await Self.netSNMP("snmptrap", ["-v2c", "-c", "public", agent, "123", "1.3.6.1.6.3.1.1.5.4",
                                              Self.markerOID, "s", "v2 marker"]).status == 0)
        #expect(try await Self.netSNMP("snmpinform", ["-v2c", "-c", "public", "-t", "1", "-r", "1", agent, "123", "1.3.6.1.6.3.1.1.5.4",
                                                Self.markerOID, "s", "v2 inform"]).status == 0)
        #expect(try await Self.netSNMP("snmptrap", Self.userOptions + ["-e", FixtureEngines.sender, agent, "123", "1.3.6.1.6.3.1.1.5.4",
                                                                 Self.markerOID, "s", "v3 trap"]).status == 0)
        let inform = try await Self.netSNMP("snmpinform", Self.userOptions + ["-t", "1", "-r", "1", agent, "123", "1.3.6.1.6.3.1.1.5.4",
                                                                        Self.markerOID, "s", "v3 inform"])
        #expect(inform.status == 0, "\(inform.stderr)")
        #expect(try await Self.netSNMP("snmptrap", ["-v2c", "-c", "wrong", agent, "1", "1.3.6.1.6.3.1.1.5.4",
                                              Self.markerOID, "s", "wrong community"]).status == 0)

        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline, (try? String(contentsOfFile: log, encoding: .utf8))?.contains("v3 inform") != true {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(200))
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let date = #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"#
        #expect(lines.first == "NET-SNMP version 5.9.3")
        let v1Header = try Regex(date + #" 192\.0\.2\.9 \[192\.0\.2\.9\] \(via UDP: \[127\.0\.0\.1\]:\d+->\[127\.0\.0\.1\]:\#(port)\) TRAP, SNMP v1, community public"#)
        let v2Header = try Regex(date + #" \S+ \[UDP: \[127\.0\.0\.1\]:\d+->\[127\.0\.0\.1\]:\#(port)\]:"#)
        #expect(lines.contains { $0.wholeMatch(of: v1Header) != nil })
        #expect(lines.contains("\tiso.3.6.1.4.1.8072.9999 Enterprise Specific Trap (42) Uptime: 0:00:00.77"))
        #expect(lines.contains("\tiso.3.6.1.4.1.8072.9999.2.1.0 = STRING: \"v1 marker\""))
        for marker in ["v2 marker", "v2 inform", "v3 trap", "v3 inform"] {
            let index = try #require(lines.firstIndex { $0.hasSuffix("= STRING: \"\(marker)\"") }, "\(marker) not logged")
            #expect(lines[index] == "iso.3.6.1.2.1.1.3.0 = Timeticks: (123) 0:00:01.23\tiso.3.6.1.6.3.1.1.4.1.0 = OID: iso.3.6.1.6.3.1.1.5.4\tiso.3.6.1.4.1.8072.9999.2.1.0 = STRING: \"\(marker)\"")
            #expect(index > 0 && lines[index - 1].wholeMatch(of: v2Header) != nil)
        }
        #expect(!text.contains("wrong community"))
        #expect(lines.contains { $0.hasSuffix(" NET-SNMP version 5.9.3 Stopped.") })
    }

    @Test func informToSilentReceiverFailsAfterRetries() async throws {
        // A bound socket that never answers.
        let silent = try await TrapReceiver(configuration: {
            var configuration = TrapReceiver.Configuration(listen: ["udp:127.0.0.1:0"])
            configuration.communities = []   // accepts nothing, answers nothing
            return configuration
        }())
        defer { Task { await silent.shutdown() } }
        let port = try #require(try await silent.localAddresses().first?.port)
        let notifier = try await SNMPNotifier(host: "127.0.0.1", port: port, version: .v2c(community: "public"),
                                              configuration: .init(timeout: .milliseconds(100), retries: 3))
        defer { Task { await notifier.shutdown() } }
        await #expect(throws: SNMPError(.timeout)) { try await notifier.sendInform(.coldStart) }
        #expect(try await notifier.engine.dispatcher.statistics().get().retransmissions == 3)

        let cli = try await SNMPCommand.run(["inform", "-v", "2c", "-c", "public", "-t", "0.1", "-r", "1",
                                       "udp:127.0.0.1:\(port)", "", "1.3.6.1.6.3.1.1.5.1"])
        #expect(cli.status == 1)
        #expect(cli.stderr == "snmpinform: Timeout\n")
        #expect(cli.stdout.isEmpty)
    }

    /// The answer to drop: the inform's acknowledgement (v3: after the discovery Report).
    @Test(arguments: [("v2c", 1), ("v3", 2)])
    func informWhoseAckIsLostIsRetriedAndDeliveredOnce(_ version: String, _ droppedAnswer: Int) async throws {
        let receiver = try await TrapReceiver(configuration: Self.receiverConfiguration())
        let (box, task) = Self.collecting(receiver)
        defer { task.cancel(); Task { await receiver.shutdown() } }
        let receiverAddress = try #require(try await receiver.localAddresses().first)
        let relay = try await UDPDropRelay(receiver: receiverAddress, dropAnswers: [droppedAnswer])
        defer { Task { await relay.close() } }
        let notifierVersion: SNMPNotifier.Version = version == "v2c"
            ? .v2c(community: "public")
            : .v3(user: Self.user, auth: .sha256("authkey1234"), priv: .aes128("privkey1234"))
        let notifier = try await SNMPNotifier(host: "127.0.0.1", port: relay.port, version: notifierVersion,
                                              configuration: .init(timeout: .milliseconds(300), retries: 3))
        defer { Task { await notifier.shutdown() } }

        let acknowledged = try await notifier.sendInform(.linkDown, varBinds: [VarBind("1.3.6.1.2.1.2.2.1.1.4", .integer(4))])
        #expect(acknowledged.last == VarBind("1.3.6.1.2.1.2.2.1.1.4", .integer(4)))
        #expect(relay.droppedCount == 1)
        #expect(try await notifier.engine.dispatcher.statistics().get().retransmissions >= 1)
        try await box.wait(count: 1)
        try await Task.sleep(for: .milliseconds(400))
        #expect(box.all.count == 1, "the retransmission must not be delivered again")
        #expect(box.all.first?.notification?.trapOID == .linkDown)
    }

    @Test func slowConsumerKeepsTheNewestAndCountsTheRest() async throws {
        var configuration = Self.receiverConfiguration()
        configuration.bufferSize = 2
        let receiver = try await TrapReceiver(configuration: configuration)
        defer { Task { await receiver.shutdown() } }
        let port = try #require(try await receiver.localAddresses().first?.port)
        let notifier = try await SNMPNotifier(host: "127.0.0.1", port: port, version: .v2c(community: "public"))
        defer { Task { await notifier.shutdown() } }
        for number in 1...5 {
            _ = try await notifier.sendInform(.coldStart, varBinds: [VarBind("1.3.6.1.4.1.8072.9999.2.1.0", .integer(Int32(number)))])
        }
        #expect(try await receiver.droppedCount() == 3)
        var iterator = receiver.makeAsyncIterator()
        let first = await iterator.next()
        let second = await iterator.next()
        #expect(first?.notification?.varBinds.first?.value == .integer(4))
        #expect(second?.notification?.varBinds.first?.value == .integer(5))
    }
}
