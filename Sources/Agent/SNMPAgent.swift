public import NIOCore
public import NIOPosix
public import Logging
public import SNMPSMI
import SNMPSecurity
public import SNMPDispatcher
public import SNMPMessageProcessing
import SNMPAccessControl
public import SNMPApplications

/// An SNMP agent: an engine listening on the configured addresses, a command responder over the built-in
/// MIBs (and whatever the developer registers), a community table and VACM.
///
/// Requests arrive on the dispatcher's event loop; the community check and the counters run there, and
/// each request that passes is answered by one task (the responder is async so that instrumentation can
/// do I/O).
///
/// ```swift
/// var configuration = AgentConfiguration()
/// configuration.communities = [AgentCommunity("public"), AgentCommunity("private", access: .readWrite)]
/// let agent = try await SNMPAgent.start(configuration: configuration, registerMIB: { mib in
///     try mib.register(scalar: "1.3.6.1.4.1.32473.1.1", get: { .integer(42) })
/// })
/// defer { Task { await agent.shutdown() } }
/// ```
public final class SNMPAgent: Sendable {
    /// What the agent does with a message of a version other than v1/v2c (SNMPv3) that USM accepted:
    /// the handler decides, calls ``SNMPAgent/responder`` and replies. Without one the agent answers it
    /// itself: VACM per varbind, the response in the request's own security, and snmpUnknownContexts
    /// Reports for unknown contexts.
    public typealias SecureRequestHandler =
        @Sendable (IncomingMessage, _ from: SocketAddress, _ reply: SNMPDispatcher.Replier, SNMPAgent) -> Void

    /// The PDU types the agent takes from the dispatcher (RFC 3413 §3.2).
    public static let requestTypes: [PDUType] = [.getRequest, .getNextRequest, .getBulkRequest, .setRequest]

    /// The engine: dispatcher, notification originator.
    public let engine: SNMPEngine
    /// The command responder (its MIB holds the built-in groups plus the developer's registrations).
    public let responder: CommandResponder
    /// The system values and the agent's counters.
    public let store: AgentStore
    /// snmpEngineID and snmpEngineBoots of this run.
    public let engineState: EngineState
    /// What the agent was started with.
    public let configuration: AgentConfiguration
    /// The instant sysUpTime counts from.
    public let startTime: NIODeadline

    private let communities: AgentCommunityTable
    /// The communities that may Set; a Set with another known community is a bad community use.
    private let writableCommunities: Set<OctetString>
    private let secureRequestHandler: SecureRequestHandler?
    private let logger: Logger
    /// Requests are answered on the dispatcher's own event loop (no thread hand-off per request).
    private let executor: EventLoopTaskExecutor

    /// Starts an agent: advances the engine state file (when configured), opens the listening sockets,
    /// registers the built-in MIBs, lets `registerMIB` add the developer's objects, registers with the
    /// dispatcher and sends coldStart to the notification targets.
    ///
    /// - Parameters:
    ///   - configuration: addresses, communities, users, VACM, system values, notification targets, engine identity.
    ///   - group: the event loops the agent's dispatcher runs on.
    ///   - logger: receives start/stop, bad-community and undelivered-notification messages.
    ///   - usmUsers: the rows of usmUserTable (the v3 engine's user table); by default the configured
    ///     users on this engine's ID.
    ///   - secureRequestHandler: handles SNMPv3 messages (see ``SecureRequestHandler``).
    ///   - registerMIB: adds the developer's objects to the MIB after the built-in groups. Pass it with its
    ///     label: a trailing closure binds to `usmUsers`.
    public static func start(
        configuration: AgentConfiguration,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "snmp.agent"),
        usmUsers: (@Sendable () -> [USMUserTableEntry])? = nil,
        secureRequestHandler: SecureRequestHandler? = nil,
        registerMIB: (inout ManagedObjectTree) throws -> Void = { _ in }
    ) async throws -> SNMPAgent {
        let engineState: EngineState
        if let directory = configuration.stateDirectory {
            engineState = try EngineStateFile(directory: directory)
                .advance(configuredEngineID: configuration.engineID, enterprise: configuration.enterprise,
                         recovered: { logger.warning("engine state recovered", metadata: ["detail": "\($0)"]) })
        } else {
            engineState = EngineState(engineID: configuration.engineID
                                        ?? EngineState.generateEngineID(enterprise: configuration.enterprise),
                                      engineBoots: 1)
        }
        var addresses: [SocketAddress] = []
        for text in configuration.listenAddresses {
            do {
                addresses.append(try AgentAddress(parsing: text, defaultPort: 161).resolve())
            } catch {
                throw SNMPError(.badAddress, "listen address \(text): \(error.reason)")
            }
        }
        let (vacm, communities) = try configuration.agentAccessControl()
        // The engine is authoritative for requests to the agent: its engine ID and boots are the persisted
        // ones, and the configured users are the USM users (localized to this engine ID on first use).
        var engineConfiguration = SNMPEngine.Configuration()
        engineConfiguration.engineID = engineState.engineID
        engineConfiguration.engineBoots = Int32(clamping: engineState.engineBoots)
        engineConfiguration.users = configuration.engineUsers(engineID: engineState.engineID)
        let engine = try await SNMPEngine.start(listeningOn: addresses, configuration: engineConfiguration,
                                                group: group, logger: logger)
        let store = configuration.stateDirectory.map {
            AgentStore(configuration.system, stateDirectory: $0, readOnly: configuration.readOnlySystemObjects)
        } ?? AgentStore(configuration.system, readOnly: configuration.readOnlySystemObjects)
        let responder = CommandResponder(mib: ManagedObjectTree(), vacm: vacm, configuration: configuration.responder)
        let startTime = NIODeadline.now()

        let dispatcher = engine.dispatcher
        let configuredUsers = configuration.userTableEntries(engineID: engineState.engineID)
        let sources = BuiltInSources(
            startTime: startTime, engine: engineState, store: store,
            dispatcherStatistics: { [weak dispatcher] in
                (try? await dispatcher?.statistics().get()) ?? DispatcherStatistics()
            },
            responderStatistics: { [weak responder] in responder?.statistics ?? ResponderStatistics() },
            messageProcessingStatistics: { [v3 = engine.v3] in v3.statistics },
            usmStatistics: { [usm = engine.usm] in usm.statistics }, usmUsers: usmUsers ?? { configuredUsers },
            interfaces: configuration.servesInterfaces ? LinuxInterfaces() : nil)
        var mib = ManagedObjectTree()
        do {
            try BuiltInMIB.register(into: &mib, sources: sources)
            try registerMIB(&mib)
        } catch {
            await engine.shutdown()
            throw error
        }
        responder.update(mib: mib)

        let agent = SNMPAgent(engine: engine, responder: responder, store: store, engineState: engineState,
                              configuration: configuration, startTime: startTime, communities: communities,
                              secureRequestHandler: secureRequestHandler, logger: logger)
        engine.dispatcher.register(requestTypes) { [weak agent] message, source, reply in
            agent?.receive(message, from: source, reply: reply)
        }
        logger.info("agent started", metadata: [
            "listen": "\(configuration.listenAddresses.joined(separator: " "))",
            "engineID": "\(engineState.engineIDHex)", "engineBoots": "\(engineState.engineBoots)",
        ])
        agent.notify(.coldStart)
        return agent
    }

    private init(engine: SNMPEngine, responder: CommandResponder, store: AgentStore, engineState: EngineState,
                 configuration: AgentConfiguration, startTime: NIODeadline, communities: AgentCommunityTable,
                 secureRequestHandler: SecureRequestHandler?, logger: Logger) {
        self.engine = engine
        self.responder = responder
        self.store = store
        self.engineState = engineState
        self.configuration = configuration
        self.startTime = startTime
        self.communities = communities
        self.writableCommunities = Set(configuration.communities.filter { $0.access == .readWrite }
            .map { OctetString($0.community) })
        self.secureRequestHandler = secureRequestHandler
        self.logger = logger
        self.executor = EventLoopTaskExecutor(engine.dispatcher.eventLoop)
    }

    /// The local addresses the agent listens on (with the ports the system chose for port 0).
    public func localAddresses() async throws -> [SocketAddress] {
        try await engine.dispatcher.localAddresses().get()
    }

    /// sysUpTime now, in hundredths of a second.
    public var upTime: UInt32 {
        UInt32(truncatingIfNeeded: max(0, (NIODeadline.now() - startTime).nanoseconds) / 10_000_000)
    }

    /// Stops answering and closes the sockets.
    public func shutdown() async {
        engine.dispatcher.register(Self.requestTypes, handler: nil)
        await engine.shutdown()
        logger.info("agent stopped")
    }

    /// One request from the dispatcher, on its event loop.
    private func receive(_ message: IncomingMessage, from source: SocketAddress, reply: SNMPDispatcher.Replier) {
        guard message.version == .v1 || message.version == .v2c else {
            if let secureRequestHandler {
                secureRequestHandler(message, source, reply, self)
            } else {
                receiveV3(message, from: source, reply: reply)
            }
            return
        }
        // RFC 3584 §5.2.1: an unknown community is dropped and counted; RFC 3418 snmpEnableAuthenTraps
        // decides whether it also raises authenticationFailure.
        guard let entry = communities.entry(for: message.securityName, from: source) else {
            store.count { $0.inBadCommunityNames &+= 1 }
            logger.debug("bad community", metadata: ["from": "\(source)"])
            if store.current.enableAuthenTraps { notify(.authenticationFailure) }
            return
        }
        guard let request = ResponderRequest(message: message, community: entry) else { return }
        if request.pdu.type == .setRequest, !writableCommunities.contains(message.securityName) {
            // RFC 3418 snmpInBadCommunityUses: an operation the community does not allow.
            store.count { $0.inBadCommunityUses &+= 1 }
        }
        let responder = self.responder
        let store = self.store
        Task(executorPreference: executor) {
            guard case .response(let pdu) = await responder.process(request) else { return }
            if reply.returnResponsePDU(to: message, from: source, pdu: pdu) {
                store.count { $0.requestsAnswered &+= 1 }
            }
        }
    }

    /// An SNMPv3 request already accepted by USM (RFC 3413 §3.2 with the security name, level and context the
    /// message processing model extracted): VACM decides per varbind, the answer goes back in the same security.
    private func receiveV3(_ message: IncomingMessage, from source: SocketAddress, reply: SNMPDispatcher.Replier) {
        guard case .pdu(let pdu) = message.pdu, let details = message.v3 else { return }
        // RFC 3412 §7.1 step 2: the Response must fit msgMaxSize with the message's own overhead: the header,
        // the security parameters (MAC and salt included) and the scoped PDU's wrapper, at most ~200 octets
        // for the longest user and engine IDs.
        let overhead = 200 + message.contextName.count + message.contextEngineID.count
            + details.stateReference.userName.count
        let limit = min(message.maxSize, Int(engine.v3.maxMessageSize)) - overhead
        let request = ResponderRequest(
            pdu: pdu, version: .v3, securityModel: .usm,
            securityName: message.securityName.utf8String ?? message.securityName.description,
            securityLevel: message.securityLevel,
            contextName: message.contextName.utf8String ?? message.contextName.description,
            maximumResponseSize: max(limit, 0))
        let responder = self.responder
        let store = self.store
        let localEngineID = engine.engineID
        Task(executorPreference: executor) {
            switch await responder.process(request) {
            case .response(let response):
                if reply.returnResponsePDU(to: message, from: source, pdu: response) {
                    store.count { $0.requestsAnswered &+= 1 }
                }
            case .unknownContext(let counter):
                // RFC 3413 §3.2 step 3: snmpUnknownContexts goes back in a Report when one may be sent.
                guard details.flags.contains(.reportable) else { return }
                let report = PDU(type: .report, requestID: pdu.requestID, varBinds: [
                    VarBind([1, 3, 6, 1, 6, 3, 12, 1, 5, 0], .counter32(counter)),
                ])
                reply.returnResponsePDU(to: message, from: source, pdu: report, contextEngineID: localEngineID)
            case .drop:
                return
            }
        }
    }

    /// Sends a generic notification to every configured target, in the background.
    func notify(_ trapOID: ObjectIdentifier) {
        let targets = configuration.notificationTargets
        guard !targets.isEmpty else { return }
        let notification = SNMPNotification(trapOID, upTime: upTime)
        let originator = engine.notificationOriginator
        let logger = self.logger
        Task(executorPreference: executor) {
            for outcome in await originator.notify(notification, targets: targets) {
                if let error = outcome.error {
                    logger.warning("notification not delivered",
                                   metadata: ["target": "\(outcome.targetName)", "error": "\(error)"])
                }
            }
        }
    }
}
