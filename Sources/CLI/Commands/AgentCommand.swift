#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Dispatch
import Logging
import SNMP

/// `snmp agent`: runs an SNMP agent from snmpd.conf files and/or the command line until SIGINT or
/// SIGTERM.
struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snmp agent",
        abstract: "Run an SNMP agent (SNMPv1, v2c and v3 with USM and VACM) configured by snmpd.conf.",
        discussion: """
            Configuration files are Net-SNMP's snmpd.conf, read as snmpd reads them: snmpd.conf and \
            snmpd.local.conf in each directory of SNMPCONFPATH (default /etc/snmp:/usr/share/snmp:\
            /usr/lib/snmp:~/.snmp), unless -C is given, then every -c FILE. Unsupported or unknown \
            directives are warned about with their file and line, as snmpd warns; malformed lines are \
            errors and skipped. Command-line options are applied after the files.

            Directives: agentaddress, rocommunity/rwcommunity[6] COMMUNITY [SOURCE [OID|-V VIEW [CONTEXT]]], \
            com2sec[6] [-Cn CONTEXT] SECNAME SOURCE COMMUNITY, group, view NAME included|excluded OID [MASK], \
            access, rouser/rwuser [-s MODEL] USER [noauth|auth|priv [OID|-V VIEW [CONTEXT]]], \
            createUser [-e ENGINEID] NAME [AUTH [-m|-l] SECRET [PRIV [-m|-l] [SECRET]]], engineID TEXT, \
            exactEngineID HEX, engineIDType 1|2|3, engineIDNic, sysDescr, sysObjectID, sysContact, sysName, \
            sysLocation (fixed) and psyscontact/psysname/psyslocation (writable), sysServices, \
            trapsink/trap2sink/informsink HOST [COMMUNITY [PORT]], trapsess [-v 1|2c|3 ...] [-Ci] HOST, \
            trapcommunity, authtrapenable 1|2, persistentDir DIR (or [snmp] persistentDir DIR), includeFile, includeDir.

            Example snmpd.conf:
              agentaddress  udp:127.0.0.1:16161
              rocommunity   public 127.0.0.1
              rwcommunity   private 127.0.0.1 -V sysonly
              view          sysonly included .1.3.6.1.2.1.1
              createUser    alice SHA-256 authpass123 AES privpass123
              createUser    bob SHA -l 0x6695febc9288e36282235fc7151f1284
              rwuser        alice priv
              rouser        bob auth .1.3.6.1.2.1.1
              sysLocation   rack 4, row 2
              trap2sink     127.0.0.1:16162 public
              persistentDir /var/lib/swift-snmp

            --user takes the one user syntax of every snmp command: createUser's words, separated by \
            blanks or colons: NAME[:AUTH[:-m|-l]:SECRET[:PRIV[:-m|-l]:SECRET]] (e.g. \
            alice:SHA-256:authpass123:AES:privpass123); such a user may read and write at its highest level.
            Migration: the earlier swift-snmp format is retired: listen is agentaddress, user is createUser \
            plus rwuser, stateDir is persistentDir.
            """)

    @Option(name: [.customShort("c"), .long], help: "Read FILE as an snmpd.conf (repeatable; comma-separated list allowed).")
    var config: [String] = []

    @Flag(name: .customShort("C"), help: "Do not read the default configuration files, only -c ones.")
    var noDefaultFiles = false

    @Option(name: .long, help: "Listen address, e.g. udp:127.0.0.1:16161 or udp6:[::1]:16161 (repeatable; replaces agentaddress).")
    var listen: [String] = []

    @Option(name: .long, help: "Read-only community from any source (repeatable).")
    var community: [String] = []

    @Option(name: .customLong("rw-community"), help: "Read-write community from any source (repeatable).")
    var rwCommunity: [String] = []

    @Option(name: .long, help: "USM user in createUser syntax, blank- or colon-separated; read-write at its highest level (repeatable).")
    var user: [String] = []

    @Option(name: .customLong("engine-id"), help: "snmpEngineID in hex (as exactEngineID).")
    var engineID: String?

    @Option(name: .customLong("state-dir"), help: "Directory of the engine state file (as persistentDir).")
    var stateDir: String?

    @Flag(name: .customLong("no-interfaces"), help: "Do not serve IF-MIB.")
    var noInterfaces = false

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    /// The files to read, in snmpd's order: the default files unless -C, then each -c file.
    func configurationFiles(environment: [String: String]) -> [String] {
        (noDefaultFiles ? [] : AgentConfigurationFile.defaultFiles(environment: environment))
            + config.flatMap { $0.split(separator: ",").map(String.init) }
    }

    /// SNMPCONFPATH and HOME, the variables the default file search reads.
    static func environment() -> [String: String] {
        var result: [String: String] = [:]
        for name in ["SNMPCONFPATH", "HOME"] {
            if let value = getenv(name) { result[name] = String(cString: value) }
        }
        return result
    }

    /// The agent configuration the options describe, and the configuration files' diagnostics.
    func agentConfiguration(environment: [String: String] = AgentCommand.environment()) throws
        -> (AgentConfiguration, [AgentConfigurationFile.Diagnostic]) {
        var configuration = AgentConfiguration()
        let diagnostics = try AgentConfigurationFile.load(configurationFiles(environment: environment), into: &configuration)
        if !listen.isEmpty { configuration.listenAddresses = listen }
        configuration.communities += community.map { AgentCommunity($0) }
        configuration.communities += rwCommunity.map { AgentCommunity($0, access: .readWrite) }
        for text in user { configuration.users.append(try AgentUser(parsing: text)) }
        if let engineID {
            guard let parsed = EngineState.engineID(hex: engineID) else {
                throw CommandLineError("snmp agent: --engine-id must be 5 to 32 octets of hex\n")
            }
            configuration.engineID = parsed
        }
        if let stateDir { configuration.stateDirectory = stateDir }
        if noInterfaces { configuration.servesInterfaces = false }
        return (configuration, diagnostics)
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
            let (configuration, diagnostics) = try command.agentConfiguration()
            // snmpd prints these as it reads the files; so do we, before starting.
            for diagnostic in diagnostics { SNMPTool.writeError("\(diagnostic)\n") }
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
