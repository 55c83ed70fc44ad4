public import NIOCore
public import NIOPosix
public import Logging
public import SNMPDispatcher
public import SNMPMessageProcessing
public import SNMPSecurity
public import SNMPSMI

/// The SNMP engine (RFC 3411 §3.1.1): the composition root that owns the dispatcher and the applications
/// that run on it.
///
/// ```swift
/// let engine = try await SNMPEngine.start()
/// defer { Task { await engine.shutdown() } }
/// let response = try await engine.commandGenerator.send(pdu, to: target)
/// ```
public final class SNMPEngine: Sendable {
    /// The dispatcher: sockets, request table, message processing.
    public let dispatcher: SNMPDispatcher
    /// The SNMPv3 message processing model, with USM and this engine's clock.
    public let v3: V3MessageProcessing
    /// The User-based Security Model: users, keys, counters.
    public var usm: UserSecurityModel { v3.usm }
    /// snmpEngineID.
    public var engineID: OctetString { v3.engineID }
    /// The command generator application.
    public let commandGenerator: CommandGenerator
    /// The notification originator application.
    public let notificationOriginator: NotificationOriginator

    private init(dispatcher: SNMPDispatcher, v3: V3MessageProcessing) {
        self.dispatcher = dispatcher
        self.v3 = v3
        self.commandGenerator = CommandGenerator(dispatcher: dispatcher)
        self.notificationOriginator = NotificationOriginator(dispatcher: dispatcher)
    }

    /// Starts an engine with its own sockets on `group`.
    public static func start(
        configuration: Configuration = Configuration(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "snmp.engine")
    ) async throws(SNMPError) -> SNMPEngine {
        let v3 = makeV3(configuration)
        do {
            return SNMPEngine(dispatcher: try await SNMPDispatcher.start(group: group, v3: v3, logger: logger), v3: v3)
        } catch {
            throw SNMPError(.transport, "cannot open UDP sockets: \(error)")
        }
    }

    /// Starts an engine that listens on `addresses` (an agent's or a notification receiver's ports).
    public static func start(
        listeningOn addresses: [SocketAddress],
        configuration: Configuration = Configuration(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "snmp.engine")
    ) async throws(SNMPError) -> SNMPEngine {
        let v3 = makeV3(configuration)
        do {
            let dispatcher = try await SNMPDispatcher.start(listeningOn: addresses, group: group, v3: v3, logger: logger)
            return SNMPEngine(dispatcher: dispatcher, v3: v3)
        } catch {
            throw SNMPError(.transport, "cannot listen on \(addresses.map { "\($0)" }.joined(separator: ", ")): \(error)")
        }
    }

    private static func makeV3(_ configuration: Configuration) -> V3MessageProcessing {
        var users = USMUserTable(configuration.users)
        for (engineID, user) in configuration.engineUsers { users.add(user, engineID: engineID) }
        let usm = UserSecurityModel(localEngineID: configuration.engineID ?? randomEngineID(), users: users)
        return V3MessageProcessing(usm: usm, engineBoots: configuration.engineBoots,
                                   maxMessageSize: configuration.maxMessageSize)
    }

    /// Adds (or replaces) a local USM user; with `engineID`, only for that engine (RFC 3414 §2.1: the
    /// datastore is keyed by engine ID and user name). Without one the user serves every engine that has no
    /// entry of its own, which suits one credential for all agents.
    public func addUser(_ user: USMUser, engineID: OctetString? = nil) {
        usm.updateUsers { $0.add(user, engineID: engineID) }
    }

    /// Adds (or replaces) a USM user for the agent at `address` only: once discovery learns that agent's
    /// engine ID, the user is entered under it and its keys are localized to it. Clients that share this
    /// engine may each use the same user name with their own secrets for their own agents.
    public func addUser(_ user: USMUser, at address: SocketAddress) {
        dispatcher.engineDirectory.addUser(user, at: address)
    }

    /// Closes the sockets; pending requests fail with ``SNMPError/Code/shutdown``.
    public func shutdown() async {
        try? await dispatcher.shutdown()
    }
}
