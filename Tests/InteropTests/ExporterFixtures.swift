#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NIOConcurrencyHelpers
import SNMP
import SNMPExporter
import Testing

/// Processes and sockets the exporter interop tests need: the fixed-value snmpd, Debian's snmp_exporter,
/// Prometheus, our exporter in-process, and a tiny HTTP GET.
enum ExporterFixtures {
    static let directory = NetSNMPDaemon.fixtures.appendingPathComponent("exporter")
    static let legacyConfig = directory.appendingPathComponent("snmp.yml").path
    static let currentConfig = directory.appendingPathComponent("snmp-current.yml").path
    static let debianExporter = "/usr/bin/prometheus-snmp-exporter"
    static let prometheus = "/usr/bin/prometheus"

    /// In CI the peers are installed by .ci/install-deps and the tests must run.
    static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    static var peersInstalled: Bool {
        NetSNMPDaemon.isInstalled && FileManager.default.isExecutableFile(atPath: debianExporter)
            && FileManager.default.isExecutableFile(atPath: prometheus)
    }
    static let installHint: Comment =
        "Debian's peers are not installed: apt-get install prometheus-snmp-exporter prometheus snmpd snmp (or .ci/install-deps)"

    /// The fixed-value agent with `rows` interfaces.
    static func startAgent(rows: Int = 3) throws -> NetSNMPDaemon {
        try NetSNMPDaemon.start("exporter/exporter-snmpd-start", stop: "snmpd-stop", arguments: [String(rows)])
    }

    /// A free TCP port on loopback (closed again; the caller binds it next).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw FixtureError(description: "bind() failed") }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A UDP socket on loopback that never answers: a target that times out.
    struct SilentTarget: ~Copyable {
        let fd: Int32
        let port: Int

        init() throws {
            let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
            }
            guard fd >= 0, bound == 0 else { throw FixtureError(description: "cannot bind a UDP socket") }
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            self.fd = fd
            self.port = Int(UInt16(bigEndian: address.sin_port))
        }

        deinit { close(fd) }
    }

    /// A child process stopped by its PID (SIGTERM, then SIGKILL after 5 s).
    final class Child: @unchecked Sendable {
        // Process is used from the test's task only; the class exists to stop it on every path.
        let process = Process()
        let log: URL

        init(_ executable: String, _ arguments: [String], log: URL) throws {
            self.log = log
            guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
                throw FixtureError(description: "cannot create \(log.path)")
            }
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
        }

        func stop() {
            guard process.isRunning else { return }
            kill(process.processIdentifier, SIGTERM)
            for _ in 0..<50 where process.isRunning { usleep(100_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
    }

    /// Debian's snmp_exporter on a free port, once it answers.
    static func startDebianExporter(config: String, in directory: URL) async throws -> (Child, Int) {
        let port = try freePort()
        let child = try Child(debianExporter, ["--config.file=\(config)", "--web.listen-address=127.0.0.1:\(port)"],
                              log: directory.appendingPathComponent("snmp_exporter.log"))
        try await waitForHTTP(port: port, path: "/", child: child)
        return (child, port)
    }

    static func waitForHTTP(port: Int, path: String, child: Child) async throws {
        for _ in 0..<100 {
            if let response = try? await HTTPGet.fetch(port: port, path: path), response.status == 200 { return }
            guard child.process.isRunning else { throw FixtureError(description: "exited: \(child.output)") }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw FixtureError(description: "no answer on port \(port): \(child.output)")
    }

    /// Our exporter in this process on a free port; `body` runs while it serves.
    static func withOurExporter<T: Sendable>(config: String,
                                             _ body: @Sendable (Int, ExporterServer) async throws -> T) async throws -> T {
        let store = try ConfigurationStore(files: [config])
        let engine = try await SNMPEngine.start()
        let server = ExporterServer(store: store, engine: engine)
        let port = NIOLockedValueBox<Int?>(nil)
        let task = Task {
            try await server.run(host: "127.0.0.1", port: 0) { bound in port.withLockedValue { $0 = bound } }
        }
        defer { task.cancel() }
        for _ in 0..<100 where port.withLockedValue({ $0 }) == nil { try await Task.sleep(for: .milliseconds(50)) }
        guard let bound = port.withLockedValue({ $0 }) else { throw FixtureError(description: "our exporter did not start") }
        do {
            let result = try await body(bound, server)
            task.cancel()
            _ = await task.result
            await engine.shutdown()
            return result
        } catch {
            task.cancel()
            _ = await task.result
            await engine.shutdown()
            throw error
        }
    }

    /// The samples of a text exposition as comparable lines `name{sorted labels} value`, without the
    /// exporters' own `snmp_scrape_*` series; values are compared as numbers.
    static func samples(_ exposition: String) -> Set<String> {
        var result = Set<String>()
        for line in exposition.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("snmp_scrape_") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                result.insert("unparsable: \(line)")
                continue
            }
            result.insert(line[..<space] + " " + String(value))
        }
        return result
    }
}

/// HTTP/1.0 GET over a plain socket: enough for the exporters' and Prometheus's text answers.
enum HTTPGet {
    struct Response: Sendable {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    static func fetch(port: Int, path: String, method: String = "GET") async throws -> Response {
        try await offThePool { try fetchBlocking(port: port, path: path, method: method) }
    }

    static func fetchBlocking(port: Int, path: String, method: String) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError(description: "socket() failed") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw FixtureError(description: "connect to \(port) failed") }
        let request = Array("\(method) \(path) HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Length: 0\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else {
            throw FixtureError(description: "send failed")
        }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while data.count < 64 << 20 {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 { throw FixtureError(description: "recv failed or timed out") }
            if count == 0 { break }
            data += buffer[0..<count]
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw FixtureError(description: "no HTTP head") }
        let head = text[..<split.lowerBound].split(separator: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "")
        else { throw FixtureError(description: "bad status line") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}
