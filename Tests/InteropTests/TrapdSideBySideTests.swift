import Foundation
import Testing

/// `snmp trapd` and Net-SNMP's `snmptrapd`, both with the bundled MIB modules loaded (`-M DIR -m ALL`), receive
/// the same v1 traps from `snmptrap` in the same run: the line naming the trap must be the same.
@Suite(.enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct TrapdSideBySideTests {
    /// A free UDP port on 127.0.0.1 (bound, read and released; the receiver binds it right after).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        try #require(bound, "no free port")
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Stops a daemon by its pid: SIGTERM, then SIGKILL after a second (a child of the test process may
    /// inherit a signal mask that blocks SIGTERM).
    static func stop(pid: Int32) {
        kill(pid, SIGTERM)
        for _ in 0..<20 where kill(pid, 0) == 0 { usleep(50_000) }
        if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
    }

    /// Starts our receiver; stopped with SIGINT by the caller.
    static func start(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // The first line on stderr says where it listens: from then on it receives (MIB loading comes first).
        _ = errors.fileHandleForReading.availableData
        return process
    }

    /// Waits until `log` holds `count` lines containing `marker` (5 s at most) and returns its lines.
    static func lines(of log: String, waitingFor marker: String, count: Int) async throws -> [String] {
        let deadline = ContinuousClock.now + .seconds(5)
        var text = ""
        while ContinuousClock.now < deadline {
            text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if text.components(separatedBy: marker).count - 1 >= count { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return text.split(separator: "\n").map(String.init)
    }

    @Test func enterpriseSpecificTrapsAreNamedAsSnmptrapdNamesThem() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trapd-sxs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("snmptrapd.conf").path
        try "authCommunity log public\n".write(toFile: config, atomically: true, encoding: .utf8)
        let mibs = ["-M", MIBInteropTests.mibDirectory, "-m", "ALL"]
        let environment = ["SNMPCONFPATH": dir.path, "HOME": dir.path, "SNMP_PERSISTENT_DIR": dir.path, "MIBS": ""]

        // snmptrapd runs as the daemon it is (it forks and writes its pid), and is stopped by that pid.
        let theirPort = try Self.freePort()
        let theirLog = dir.appendingPathComponent("snmptrapd.log").path
        let pidFile = dir.appendingPathComponent("snmptrapd.pid").path
        let started = try await ToolResult.run(URL(fileURLWithPath: "/usr/sbin/snmptrapd"),
                                               ["-C", "-c", config, "-Lf", theirLog, "-p", pidFile] + mibs
                                                   + ["udp:127.0.0.1:\(theirPort)"],
                                               environment: environment)
        #expect(started.status == 0, "\(started.stderr)")
        let theirPID = try #require(
            (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) },
            "snmptrapd wrote no pid file")
        defer { Self.stop(pid: theirPID) }
        let ourPort = try Self.freePort()
        let ourLog = dir.appendingPathComponent("trapd.log").path
        let ours = try Self.start(SNMPCommand.executable,
                                  ["trapd", "-f", "-C", "-c", config, "-Lf", ourLog] + mibs
                                      + ["--listen", "udp:127.0.0.1:\(ourPort)"],
                                  environment: environment)
        defer { if ours.isRunning { ours.interrupt(); ours.waitUntilExit() } }

        // NET-SNMP-EXAMPLES-MIB's heartbeat notification (enterprise.0.1), the same with the .0 already in the
        // enterprise, a specific number no MIB names, and an enterprise no MIB knows.
        let traps = [["1.3.6.1.4.1.8072.2.3", "6", "1"], ["1.3.6.1.4.1.8072.2.3.0", "6", "1"],
                     ["1.3.6.1.4.1.8072.2.3", "6", "99"], ["1.3.6.1.4.1.99999", "6", "7"], ["1.3.6.1.4.1.8072.2.3", "3", "0"]]
        for port in [theirPort, ourPort] {
            for trap in traps {
                let sent = try await NotificationReceiverInteropTests.netSNMP(
                    "snmptrap", ["-v1", "-c", "public", "udp:127.0.0.1:\(port)", trap[0], "0.0.0.0", trap[1], trap[2], "12345"])
                #expect(sent.status == 0, "\(sent.stderr)")
            }
        }
        let trapLines = { (lines: [String]) in lines.filter { $0.hasPrefix("\t") && $0.contains(" Trap (") } }
        let expected = trapLines(try await Self.lines(of: theirLog, waitingFor: " Trap (", count: traps.count))
        let got = trapLines(try await Self.lines(of: ourLog, waitingFor: " Trap (", count: traps.count))
        #expect(expected.count == traps.count)
        #expect(expected.contains(
            "\tNET-SNMP-EXAMPLES-MIB::netSnmpExampleNotifications Enterprise Specific Trap (NET-SNMP-EXAMPLES-MIB::netSnmpExampleHeartbeatNotification) Uptime: 0:02:03.45"))
        #expect(got == expected)
    }
}
