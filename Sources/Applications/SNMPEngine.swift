public import NIOCore
public import NIOPosix
public import Logging
public import SNMPDispatcher

/// The SNMP engine (RFC 3411 §3.1.1): the composition root that owns the dispatcher and the applications
/// that run on it.
///
/// ```swift
/// let engine = try await SNMPEngine.start()
/// defer { Task { try await engine.shutdown() } }
/// let response = try await engine.commandGenerator.send(pdu, to: target)
/// ```
public final class SNMPEngine: Sendable {
    /// The dispatcher: sockets, request table, message processing.
    public let dispatcher: SNMPDispatcher
    /// The command generator application.
    public let commandGenerator: CommandGenerator
    /// The notification originator application.
    public let notificationOriginator: NotificationOriginator

    private init(dispatcher: SNMPDispatcher) {
        self.dispatcher = dispatcher
        self.commandGenerator = CommandGenerator(dispatcher: dispatcher)
        self.notificationOriginator = NotificationOriginator(dispatcher: dispatcher)
    }

    /// Starts an engine with its own sockets on `group`.
    public static func start(
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "snmp.engine")
    ) async throws(SNMPError) -> SNMPEngine {
        do {
            return SNMPEngine(dispatcher: try await SNMPDispatcher.start(group: group, logger: logger))
        } catch {
            throw SNMPError(.transport, "cannot open UDP sockets: \(error)")
        }
    }

    /// Starts an engine that listens on `addresses` (an agent's or a notification receiver's ports).
    public static func start(
        listeningOn addresses: [SocketAddress],
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "snmp.engine")
    ) async throws(SNMPError) -> SNMPEngine {
        do {
            return SNMPEngine(dispatcher: try await SNMPDispatcher.start(listeningOn: addresses, group: group, logger: logger))
        } catch {
            throw SNMPError(.transport, "cannot listen on \(addresses.map { "\($0)" }.joined(separator: ", ")): \(error)")
        }
    }

    /// Closes the sockets; pending requests fail with ``SNMPError/Code/shutdown``.
    public func shutdown() async {
        try? await dispatcher.shutdown()
    }
}
