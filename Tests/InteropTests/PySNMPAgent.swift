import Foundation
import Testing

/// The pysnmp 7 command responder of Fixtures/pysnmp-agent.py, started with `Process` on a free loopback
/// port and stopped by its PID (SIGTERM, then SIGKILL after 5 s). Its users, communities and objects are
/// described at the top of that script.
final class PySNMPAgent: @unchecked Sendable {
    // @unchecked: `process` is only read after `start` returns; Process itself is thread-safe for
    // isRunning/processIdentifier.
    let pid: Int32
    let port: UInt16
    /// A scratch directory for this run: the agent's stderr log and the clients' configuration and persistent
    /// directories (empty, so no user or system configuration and no MIBs leak into the tests).
    let directory: URL
    private let process: Process
    private var stderrFile: URL { directory.appendingPathComponent("pysnmp-agent.log") }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("pysnmp-agent.py")

    /// The agent's engine ID (fixed in the script).
    static let engineID: [UInt8] = [0x80, 0x00, 0x1f, 0x88, 0x80, 0xaa, 0xbb, 0xcc, 0xdd, 0x00, 0x00, 0x00, 0xe1]

    /// Whether `python3` can import pysnmp and cryptography (pysnmp's DES, 3DES and AES need the latter).
    static let isInstalled: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import pysnmp, cryptography"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    /// `.ci/run` sets SWIFT_SNMP_REQUIRE_PYSNMP=1: there the suite must run, so a missing pysnmp fails it
    /// (with the script's own import error) instead of skipping it.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["SWIFT_SNMP_REQUIRE_PYSNMP"] == "1" }

    static let installHint: Comment =
        "pysnmp is not installed: run `python3 -m pip install pysnmp cryptography` (or .ci/install-deps)"

    private init(pid: Int32, port: UInt16, process: Process, directory: URL) {
        self.pid = pid
        self.port = port
        self.process = process
        self.directory = directory
    }

    /// Starts the script and waits (at most `timeout`) for its one line `PID PORT`.
    static func start(timeout: Duration = .seconds(60)) throws -> PySNMPAgent {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--port", "auto"]
        let stdout = Pipe()
        process.standardOutput = stdout
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pysnmp-agent-\(UUID().uuidString)")
        // persist/cert_indexes made here: Net-SNMP's tools announce "Created directory: ..." on stderr otherwise.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("persist/cert_indexes"),
                                                withIntermediateDirectories: true)
        let stderrFile = directory.appendingPathComponent("pysnmp-agent.log")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()

        // Read on a thread: the agent keeps running, so the pipe never reaches end of file while it is up.
        let line = LockedData()
        let reader = Thread {
            var data = Data()
            while !data.contains(UInt8(ascii: "\n")) {
                let chunk = stdout.fileHandleForReading.availableData
                if chunk.isEmpty { break }   // the agent exited before it was ready
                data.append(chunk)
            }
            line.set(data)
        }
        reader.start()
        let deadline = ContinuousClock.now + timeout
        while !line.isSet && ContinuousClock.now < deadline { usleep(10_000) }

        let fields = String(decoding: line.get(), as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard line.isSet, fields.count == 2, let pid = Int32(fields[0]), pid > 0, let port = UInt16(fields[1]) else {
            let agent = PySNMPAgent(pid: process.processIdentifier, port: 0, process: process, directory: directory)
            let log = agent.stderrText()
            agent.stop()
            throw FixtureError(description: "pysnmp-agent.py did not start (\(fields.count) fields): \(log.suffix(2000))")
        }
        return PySNMPAgent(pid: pid, port: port, process: process, directory: directory)
    }

    /// What the agent wrote to stderr so far (pysnmp tracebacks end up here).
    func stderrText() -> String {
        (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
    }

    /// SIGTERM to the agent's PID, SIGKILL if it is still running after 5 s; removes the scratch directory.
    /// (`process` is `env`, which execs python3, so its PID is normally the agent's; waiting on it also
    /// covers an interpreter shim that forks.)
    func stop() {
        if process.isRunning { kill(pid, SIGTERM) }
        let deadline = ContinuousClock.now + .seconds(5)
        while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// `udp:127.0.0.1:PORT`.
    var address: String { "udp:127.0.0.1:\(port)" }

    /// The environment for our `snmp` and Net-SNMP's tools: no MIBs, no user configuration.
    var clientEnvironment: [String: String] {
        ["SNMPCONFPATH": directory.path, "SNMP_PERSISTENT_DIR": directory.path + "/persist", "MIBS": "",
         "HOME": directory.path]
    }
}

/// Suite trait: one pysnmp agent for the whole suite, stopped afterwards even when tests fail.
struct PySNMPScope: SuiteTrait, TestScoping {
    @TaskLocal static var agent: PySNMPAgent?

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let agent = try PySNMPAgent.start()
        defer { agent.stop() }
        try await Self.$agent.withValue(agent) { try await function() }
    }
}

extension Trait where Self == PySNMPScope {
    /// Runs the suite with the pysnmp command responder on a free loopback port.
    static var pysnmpAgent: Self { Self() }
}

/// The pysnmp agent of the current suite; fails the test when the scope is missing.
func currentPySNMPAgent() throws -> PySNMPAgent {
    guard let agent = PySNMPScope.agent else { throw FixtureError(description: "no pysnmp agent in scope") }
    return agent
}
