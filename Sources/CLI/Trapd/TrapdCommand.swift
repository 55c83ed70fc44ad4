#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import NIOCore
import SNMP

/// `snmp trapd`: Net-SNMP's snmptrapd in the foreground. It listens, acknowledges informs, prints every
/// accepted notification in snmptrapd's default format and stops cleanly on SIGINT or SIGTERM.
///
/// ```
/// snmp trapd --listen udp:127.0.0.1:16162 --community public \
///     --user ops:SHA-256:authpass1234:AES:privpass1234:0x80001f8880aabbccdd00000003
/// snmp trapd -n -c snmptrapd.conf -Lf traps.log udp:0.0.0.0:162 udp6:[::]:162
/// ```
enum TrapdCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let settings: TrapdSettings
        do {
            settings = try TrapdSettings(arguments: arguments)
        } catch {
            if error.status == 0 { SNMPTool.writeOut(error.message) } else { SNMPTool.writeError(error.message) }
            return error.status
        }
        for warning in settings.warnings { SNMPTool.writeError(warning + "\n") }
        var printerArguments: NetSNMPArguments
        let printer: Printer
        do {
            printerArguments = try NetSNMPArguments([], tool: "snmptrapd")
            printerArguments.outputFlags = settings.outputFlags
            printerArguments.mibModules = settings.mibModules
            printerArguments.mibDirectories = settings.mibDirectories
            printer = try Printer(arguments: printerArguments)
        } catch {
            SNMPTool.writeError(error.message)
            return 1
        }
        guard let log = LogSink(settings.logDestination, append: settings.appendToLog) else {
            SNMPTool.writeError("snmptrapd: cannot open the log file\n")
            return 1
        }
        var configuration = TrapReceiver.Configuration(listen: settings.listen)
        configuration.communities = settings.disableAuthorization ? nil : settings.communities
        configuration.users = settings.users
        configuration.engineID = settings.engineID
        // Signals are handled from here on, so that a signal during start-up still stops cleanly.
        let signals = SignalStream(signals: [SIGINT, SIGTERM])
        let receiver: TrapReceiver
        do {
            receiver = try await TrapReceiver(configuration: configuration)
        } catch {
            SNMPTool.writeError("snmptrapd: couldn't open \(settings.listen.joined(separator: ",")) -- \(error.reason)\n")
            return 1
        }
        if let pidFile = settings.pidFile, let file = fopen(pidFile, "w") {
            fputs("\(getpid())\n", file)
            fclose(file)
        }
        var boundAddresses: [SocketAddress] = []
        do { boundAddresses = try await receiver.localAddresses() } catch {}
        let bound = boundAddresses.map(describe).joined(separator: ",")
        SNMPTool.writeError("snmp trapd: listening on \(bound)\n")
        log.write("NET-SNMP version 5.9.3\n")

        let formatter = TrapdFormatter(printer: printer, numericHosts: settings.numericHosts, hosts: .system())
        let authorizedUsers = settings.authorizedUsers
        let disableAuthorization = settings.disableAuthorization
        let printing = Task {
            for await received in receiver {
                // snmptrapd logs an SNMPv3 notification only for a user named by authUser (or --user).
                if received.version == .v3, !disableAuthorization,
                   !authorizedUsers.contains(received.securityName.utf8String ?? "") { continue }
                log.write(formatter.format(received, date: TrapdFormatter.localDate()))
            }
        }
        await signals.first()
        await receiver.shutdown()
        await printing.value
        log.write("\(TrapdFormatter.localDate()) NET-SNMP version 5.9.3 Stopped.\nStopping snmptrapd\n")
        if let pidFile = settings.pidFile { unlink(pidFile) }
        return 0
    }

    private static func describe(_ address: SocketAddress) -> String {
        switch address {
        case .v6: return "udp6:[\(address.ipAddress ?? "::")]:\(address.port ?? 0)"
        default: return "udp:\(address.ipAddress ?? "0.0.0.0"):\(address.port ?? 0)"
        }
    }
}

/// Where notifications are written, one `write` per notification so lines never interleave.
final class LogSink: Sendable {
    private let fd: Int32
    private let owned: Bool

    init?(_ destination: TrapdSettings.LogDestination, append: Bool) {
        switch destination {
        case .stdout: (fd, owned) = (1, false)
        case .stderr: (fd, owned) = (2, false)
        case .none: (fd, owned) = (-1, false)
        case .file(let path):
            let flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
            let opened = open(path, flags, 0o644)
            guard opened >= 0 else { return nil }
            (fd, owned) = (opened, true)
        }
    }

    deinit {
        if owned { close(fd) }
    }

    func write(_ text: String) {
        guard fd >= 0 else { return }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = systemWrite(fd, base + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// SIGINT/SIGTERM as an awaitable event: the default disposition is replaced so the process can close its
/// sockets and flush its log before it exits.
final class SignalStream {
    private let stream: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    init(signals: [Int32]) {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        self.stream = stream
        self.sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    /// Waits for the first signal.
    func first() async {
        for await _ in stream { return }
    }
}
