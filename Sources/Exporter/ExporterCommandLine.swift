#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Logging
import NIOConcurrencyHelpers
import SNMP

/// `snmp exporter`: snmp_exporter's command line (kingpin-style `--flag value` or `--flag=value`).
public enum ExporterCommandLine {
    static let usage = """
        USAGE: snmp exporter [--config.file FILE]... [--web.listen-address ADDR]... [--dry-run]
                             [--[no-]snmp.wrap-large-counters] [--config.expand-environment-variables]
                             [--log.level debug|info|warn|error]
               snmp exporter generate [GENERATOR.YML] [-o|--output-path SNMP.YML] [-m|--mibs-dir DIR]...

        A drop-in for Prometheus's snmp_exporter: serves /snmp?target=HOST[:PORT]&module=M[,M2]&auth=A,
        /metrics, /-/healthy, /-/reload (POST; also SIGHUP) and / on --web.listen-address (default :9116).
        --config.file defaults to snmp.yml and may be given several times (later files win per name).

        """

    struct Options {
        var configFiles: [String] = []
        var listenAddresses: [String] = []
        var dryRun = false
        var wrapCounters = true
        var expandEnvironment = false
        var logLevel = Logger.Level.info
    }

    /// Runs the exporter (or the generator) and returns the process exit status.
    public static func run(_ arguments: [String]) async -> Int32 {
        if arguments.first == "generate" { return await GeneratorCommandLine.run(Array(arguments.dropFirst())) }
        let options: Options
        do {
            options = try parse(arguments)
        } catch let error as UsageError {
            writeError("snmp exporter: \(error.message)\n" + usage)
            return 2
        } catch {
            print(usage, terminator: "")  // --help
            return 0
        }
        let logger = {
            var logger = Logger(label: "snmp.exporter")
            logger.logLevel = options.logLevel
            return logger
        }()
        let store: ConfigurationStore
        do {
            store = try ConfigurationStore(files: options.configFiles.isEmpty ? ["snmp.yml"] : options.configFiles,
                                           expandEnvironment: options.expandEnvironment)
        } catch {
            logger.error("Error parsing config file", metadata: ["err": "\(error)"])
            writeError("snmp exporter: \(error)\n")
            return 1
        }
        if options.dryRun {
            logger.info("Configuration parsed successfully")
            return 0
        }
        let engine: SNMPEngine
        do {
            // The engine's socket lives on the loop `snmp`'s task runs on: a scrape's requests and their
            // answers stay on one thread (see EventLoopTaskExecutor).
            engine = try await SNMPEngine.start(group: EventLoopTaskExecutor.shared.eventLoop)
        } catch {
            writeError("snmp exporter: cannot start the SNMP engine: \(error)\n")
            return 1
        }
        let server = ExporterServer(store: store, engine: engine, wrapCounters: options.wrapCounters, logger: logger)
        let addresses = options.listenAddresses.isEmpty ? [":9116"] : options.listenAddresses
        var binds: [(host: String, port: Int)] = []
        for address in addresses {
            guard let bind = listenAddress(address) else {
                writeError("snmp exporter: bad --web.listen-address \(address)\n")
                return 2
            }
            binds.append(bind)
        }
        let signals = SignalWatcher()
        signals.onReload { try? server.reload() }
        let status: Int32 = await withTaskGroup(of: Int32.self) { group in
            for bind in binds {
                group.addTask {
                    do {
                        try await server.run(host: bind.host, port: bind.port) { port in
                            logger.info("Listening on", metadata: ["address": "\(bind.host):\(port)"])
                        }
                        return 0
                    } catch {
                        if !Task.isCancelled {
                            writeError("snmp exporter: cannot serve on \(bind.host):\(bind.port): \(error)\n")
                            return 1
                        }
                        return 0
                    }
                }
            }
            group.addTask {
                await signals.waitForTermination()
                return 0
            }
            let first = await group.next() ?? 0
            group.cancelAll()
            return first
        }
        await engine.shutdown()
        return status
    }

    enum HelpRequested: Error { case help }

    struct UsageError: Error {
        let message: String
    }

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard index < arguments.count else { throw UsageError(message: "\(name) needs a value") }
                index += 1
                return arguments[index - 1]
            }
            switch name {
            case "--config.file": options.configFiles.append(try value())
            case "--web.listen-address": options.listenAddresses.append(try value())
            case "--dry-run": options.dryRun = true
            case "--snmp.wrap-large-counters": options.wrapCounters = inlineValue.map { $0 != "false" } ?? true
            case "--no-snmp.wrap-large-counters": options.wrapCounters = false
            case "--config.expand-environment-variables": options.expandEnvironment = true
            case "--log.level":
                switch try value() {
                case "debug": options.logLevel = .debug
                case "info": options.logLevel = .info
                case "warn": options.logLevel = .warning
                case "error": options.logLevel = .error
                case let other: throw UsageError(message: "unknown --log.level \(other)")
                }
            case "-h", "--help": throw HelpRequested.help
            default: throw UsageError(message: "unknown argument \(argument)")
            }
        }
        return options
    }

    /// Go's listen syntax: `:9116` (all interfaces), `host:port`, `[v6]:port`.
    static func listenAddress(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65_535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }

    static func writeError(_ text: String) {
        var bytes = Array(text.utf8)
        // write(2) to fd 2: no shared FILE* across tasks.
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            bytes.removeFirst(written)
        }
    }
}

/// SIGHUP reloads; SIGINT and SIGTERM end the exporter.
final class SignalWatcher: Sendable {
    private let queue = DispatchQueue(label: "snmp.exporter.signals")
    private let state = NIOLockedValueBox<State>(State())

    private struct State: @unchecked Sendable {
        // Dispatch sources are only touched under the lock.
        var sources: [any DispatchSourceSignal] = []
    }

    func onReload(_ body: @escaping @Sendable () -> Void) {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
        source.setEventHandler(handler: body)
        source.resume()
        state.withLockedValue { $0.sources.append(source) }
    }

    func waitForTermination() async {
        let fired = NIOLockedValueBox(false)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    let first = fired.withLockedValue { done in
                        defer { done = true }
                        return !done
                    }
                    if first { continuation.resume() }
                }
                source.resume()
                state.withLockedValue { $0.sources.append(source) }
            }
        }
    }
}
