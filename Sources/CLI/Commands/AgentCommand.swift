#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Dispatch
import Logging
import SNMP

/// `snmp agent`: runs an SNMP agent from a configuration file and/or the command line until SIGINT or
/// SIGTERM.
struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snmp agent",
        abstract: "Run an SNMP agent (SNMPv1, v2c and v3 with USM and VACM).",
        discussion: """
            Everything can be given on the command line; --config reads a file in the format documented in
            AgentConfigurationFile (listen, rocommunity, rwcommunity, user, view, group, access, sysContact, ...).
            Command-line options are applied after the file.
            """)

    @Option(name: .long, help: "Configuration file.")
    var config: String?

    @Option(name: .long, help: "Listen address, e.g. udp:127.0.0.1:16161 or udp6:[::1]:16161 (repeatable).")
    var listen: [String] = []

    @Option(name: .long, help: "Read-only community (repeatable).")
    var community: [String] = []

    @Option(name: .customLong("rw-community"), help: "Read-write community (repeatable).")
    var rwCommunity: [String] = []

    @Option(name: .long, help: "USM user NAME:AUTH:AUTHPASS:PRIV:PRIVPASS, read-write at its own level (repeatable).")
    var user: [String] = []

    @Option(name: .customLong("state-dir"), help: "Directory of the engine state file (engine ID, boots).")
    var stateDir: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    /// The agent configuration the options describe.
    func agentConfiguration() throws -> AgentConfiguration {
        var configuration = AgentConfiguration()
        if let config { try AgentConfigurationFile.load(config, into: &configuration) }
        if !listen.isEmpty { configuration.listenAddresses = listen }
        configuration.communities += community.map { AgentCommunity($0) }
        configuration.communities += rwCommunity.map { AgentCommunity($0, access: .readWrite) }
        for text in user { configuration.users.append(try AgentUser(parsing: text)) }
        if let stateDir { configuration.stateDirectory = stateDir }
        return configuration
    }

    /// Parses `arguments`, runs the agent until a signal, and returns the exit status.
    static func main(_ arguments: [String]) async -> Int32 {
        let command: AgentCommand
        do {
            command = try AgentCommand.parse(arguments)
        } catch {
            let code = exitCode(for: error).rawValue
            if code == 0 { SNMPTool.writeOut(fullMessage(for: error) + "\n") } else { SNMPTool.writeError(fullMessage(for: error) + "\n") }
            return code
        }
        let level = Logger.Level(rawValue: command.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "snmp.agent")
        do {
            let configuration = try command.agentConfiguration()
            let agent = try await SNMPAgent.start(configuration: configuration, logger: logger)
            await waitForTerminationSignal()
            logger.info("signal received, stopping")
            await agent.shutdown()
            return 0
        } catch {
            logger.error("\(error)")
            return 1
        }
    }

    /// Suspends until SIGINT or SIGTERM (the default actions are replaced so the agent can close its sockets).
    static func waitForTerminationSignal() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let queue = DispatchQueue(label: "snmp.agent.signals")
            let resumed = SignalLatch(continuation)
            var sources: [any DispatchSourceSignal] = []
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler { resumed.fire() }
                source.resume()
                sources.append(source)
            }
            resumed.keep(sources)
        }
    }
}

/// Resumes the waiting task once, whichever signal comes first; keeps the signal sources alive.
private final class SignalLatch: @unchecked Sendable {
    // `continuation` is only touched by `fire`, which runs on the one serial signal queue; `sources` is
    // written once by `keep` and only keeps the sources alive.
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init(_ continuation: CheckedContinuation<Void, Never>) {
        self.continuation = continuation
    }

    func keep(_ sources: [any DispatchSourceSignal]) {
        self.sources = sources
    }

    func fire() {
        continuation?.resume()
        continuation = nil
    }
}
