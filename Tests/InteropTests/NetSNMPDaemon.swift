import Foundation
import Testing

/// A Net-SNMP daemon (snmpd or snmptrapd) started on a free loopback port by the fixture scripts in
/// ./Fixtures, and stopped by its pid file — never by name.
struct NetSNMPDaemon: Sendable {
    let pid: Int32
    let port: UInt16
    let dir: String
    let stopScript: String

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Whether Net-SNMP's daemons and tools are installed.
    static var isInstalled: Bool {
        ["/usr/sbin/snmpd", "/usr/sbin/snmptrapd", "/usr/bin/snmpget", "/usr/bin/snmpbulkwalk"]
            .allSatisfy(FileManager.default.isExecutableFile(atPath:))
    }

    static let installHint: Comment = "Net-SNMP is not installed: run `apt-get install -y snmp snmpd snmptrapd` (or .ci/install-deps)"

    /// Runs e.g. `snmpd-start --port auto` and reads its one line `PID PORT DIR`.
    static func start(_ script: String, stop: String, arguments: [String] = ["--port", "auto"]) throws -> NetSNMPDaemon {
        let process = Process()
        process.executableURL = fixtures.appendingPathComponent(script)
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard process.terminationStatus == 0, fields.count == 3,
              let pid = Int32(fields[0]), let port = UInt16(fields[1]) else {
            throw FixtureError(description: "\(script) exited with status \(process.terminationStatus)")
        }
        return NetSNMPDaemon(pid: pid, port: port, dir: String(fields[2]), stopScript: stop)
    }

    /// Stops the daemon by the pid file in its directory and removes the directory.
    func stop() {
        let process = Process()
        process.executableURL = Self.fixtures.appendingPathComponent(stopScript)
        process.arguments = ["--rm", dir]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if (try? process.run()) != nil { process.waitUntilExit() }
    }

    /// Runs a Net-SNMP client tool against this daemon's configuration (no MIBs, no user config).
    func runTool(_ tool: String, _ arguments: [String]) async throws -> ToolResult {
        // Through env, so the tool's argv[0] is its bare name, which Net-SNMP prints in some messages.
        try await ToolResult.run(URL(fileURLWithPath: "/usr/bin/env"), [tool] + arguments,
                           environment: ["SNMPCONFPATH": dir, "SNMP_PERSISTENT_DIR": dir + "/client-persist",
                                         "MIBS": "", "HOME": dir])
    }
}

/// What a process printed and how it ended.
struct ToolResult: Sendable {
    let stdout: String
    let stderr: String
    let status: Int32

    /// Runs a process to its end without holding a thread of Swift's cooperative pool: in-process agents and
    /// receivers under test need those threads to answer while the tool waits for them.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) async throws -> ToolResult {
        try await offThePool { try runBlocking(executable, arguments, environment: environment) }
    }

    static func runBlocking(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> ToolResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently so a large walk cannot fill one and block the child.
        let errData = LockedData()
        let errReader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.isSet { usleep(1000) }
        return ToolResult(stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData.get(), as: UTF8.self),
                          status: process.terminationStatus)
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var done = false
    func set(_ value: Data) { lock.lock(); data = value; done = true; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return done }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
}

/// Suite trait: one snmpd for the whole suite, stopped afterwards even when tests fail.
struct SNMPDScope: SuiteTrait, TestScoping {
    @TaskLocal static var agent: NetSNMPDaemon?

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let agent = try await offThePool { try NetSNMPDaemon.start("snmpd-start", stop: "snmpd-stop") }
        do {
            try await Self.$agent.withValue(agent) { try await function() }
        } catch {
            try? await offThePool { agent.stop() }
            throw error
        }
        try? await offThePool { agent.stop() }
    }
}

extension Trait where Self == SNMPDScope {
    /// Runs the suite with a real snmpd on a free loopback port.
    static var snmpd: Self { Self() }
}

/// The agent of the current suite; fails the test when the scope is missing.
func currentAgent() throws -> NetSNMPDaemon {
    guard let agent = SNMPDScope.agent else { throw FixtureError(description: "no snmpd in scope") }
    return agent
}

/// Suite trait: one snmptrapd for the whole suite, stopped afterwards even when tests fail.
struct SNMPTrapdScope: SuiteTrait, TestScoping {
    @TaskLocal static var receiver: NetSNMPDaemon?

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let receiver = try await offThePool { try NetSNMPDaemon.start("snmptrapd-start", stop: "snmptrapd-stop") }
        do {
            try await Self.$receiver.withValue(receiver) { try await function() }
        } catch {
            try? await offThePool { receiver.stop() }
            throw error
        }
        try? await offThePool { receiver.stop() }
    }
}

extension Trait where Self == SNMPTrapdScope {
    /// Runs the suite with a real snmptrapd on a free loopback port.
    static var snmptrapd: Self { Self() }
}

extension NetSNMPDaemon {
    /// snmptrapd only: the NOTIFICATION lines of traps.log so far.
    func notifications() -> [String] {
        guard let text = try? String(contentsOfFile: dir + "/traps.log", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("NOTIFICATION\t") }
    }

    /// snmptrapd only: waits (at most `timeout`) for a notification line containing `marker`.
    func waitForNotification(containing marker: String, timeout: Duration = .seconds(5)) async throws -> String? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if let line = notifications().first(where: { $0.contains(marker) }) { return line }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }
}

/// The snmptrapd of the current suite.
func currentReceiver() throws -> NetSNMPDaemon {
    guard let receiver = SNMPTrapdScope.receiver else { throw FixtureError(description: "no snmptrapd in scope") }
    return receiver
}

/// Runs blocking work (a child process, a fixture script) on a thread of its own and awaits the result.
func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
