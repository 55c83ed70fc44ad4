public import NIOCore
public import NIOPosix
public import Logging
public import SNMPMessageProcessing
public import SNMPSMI

/// The dispatcher (RFC 3412 §4): owns the sockets, chooses the message processing model for each message
/// in and out, matches responses to outstanding requests, retransmits on timeout, and hands unsolicited
/// PDUs to the registered application. ARCHITECTURE.md walks one request through it.
///
/// All mutable state is confined to one event loop, so the per-message path has no locks and no actor hop.
///
/// ```swift
/// let dispatcher = try await SNMPDispatcher.start()
/// let response = try await dispatcher.sendPDU(
///     OutgoingPDU(destination: address, messageProcessingModel: .v2c, securityModel: .v2c,
///                 securityName: "public", securityLevel: .noAuthNoPriv,
///                 pdu: .pdu(PDU(type: .getRequest, requestID: 0, varBinds: [VarBind("1.3.6.1.2.1.1.1.0")]))),
///     expectResponse: true).get()
/// ```
public final class SNMPDispatcher: Sendable {
    /// RFC 3411 §4.2.2 `processPdu`: how an application receives an unsolicited PDU, with the means to answer.
    public typealias UnsolicitedHandler = @Sendable (IncomingMessage, _ from: SocketAddress, _ reply: Replier) -> Void

    /// The event loop that owns the sockets and the request table.
    public let eventLoop: any EventLoop
    /// The SNMPv3 message processing model, when this engine speaks SNMPv3.
    public let v3: V3MessageProcessing?
    /// What SNMPv3 discovery learnt of remote engines, and the users configured per agent address.
    public let engineDirectory: V3EngineDirectory
    let logger: Logger
    let state: NIOLoopBoundBox<State>

    /// The request table with its concrete types: a promise per request, a scheduled retransmission timer.
    typealias Requests = RequestTable<Waiter, Scheduled<Void>, ByteBuffer, SocketAddress>

    /// Who waits for a response, and what the response must look like to be theirs.
    struct Waiter {
        var promise: EventLoopPromise<IncomingMessage>
        /// RFC 3412 §7.2 step 13 / §4.2.2.2: a response comes back in the request's version.
        var version: SNMPVersion
        /// The wait of each attempt (never empty): the command generator's retransmission schedule.
        var waits: [TimeAmount]
    }

    final class State {
        var table: Requests
        /// Bound sockets with their address family, looked up per send without asking the socket.
        var channels: [(channel: any Channel, isIPv6: Bool)] = []
        var statistics = DispatcherStatistics()
        /// RFC 3412 §4.3: the applications registered for unsolicited PDUs, by PDU type.
        var applications: [PDUType: UnsolicitedHandler] = [:]
        var isShutDown = false

        init(firstID: Int32) {
            self.table = Requests(firstID: firstID)
        }
    }

    init(eventLoop: any EventLoop, v3: V3MessageProcessing?, engineDirectory: V3EngineDirectory = V3EngineDirectory(),
         logger: Logger, firstID: Int32 = Int32.random(in: 1...0x3FFF_FFFF)) {
        self.eventLoop = eventLoop
        self.v3 = v3
        self.engineDirectory = engineDirectory
        self.logger = logger
        self.state = NIOLoopBoundBox.makeBoxSendingValue(State(firstID: firstID), eventLoop: eventLoop)
    }

    /// Starts a dispatcher with one UDP socket for IPv4 and, when the host has IPv6, one for IPv6, each on an
    /// ephemeral port of any address: what a manager or notification originator needs.
    ///
    /// - Parameters:
    ///   - group: the event loops to use; one loop of it runs this dispatcher.
    ///   - v3: the SNMPv3 model for version-3 messages; without one they are counted as bad versions.
    ///   - receiveBufferSize: `SO_RCVBUF`, large so that bursts of responses are not dropped.
    ///   - logger: receives dropped messages and Reports sent, at debug level.
    public static func start(
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, v3: V3MessageProcessing? = nil,
        receiveBufferSize: Int = 4 << 20, logger: Logger = Logger(label: "snmp.dispatcher")
    ) async throws -> SNMPDispatcher {
        let dispatcher = SNMPDispatcher(eventLoop: group.next(), v3: v3, logger: logger)
        try await dispatcher.bind(SocketAddress(ipAddress: "0.0.0.0", port: 0), receiveBufferSize: receiveBufferSize)
        // IPv6 is optional: a host without it still runs IPv4.
        do {
            try await dispatcher.bind(SocketAddress(ipAddress: "::", port: 0), receiveBufferSize: receiveBufferSize)
        } catch {
            logger.debug("no IPv6 socket", metadata: ["error": "\(error)"])
        }
        return dispatcher
    }

    /// Starts a dispatcher listening on the given addresses (an agent's or a notification receiver's ports).
    /// Requests it sends leave from the first socket of the destination's address family.
    public static func start(
        listeningOn addresses: [SocketAddress],
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, v3: V3MessageProcessing? = nil,
        receiveBufferSize: Int = 4 << 20, logger: Logger = Logger(label: "snmp.dispatcher")
    ) async throws -> SNMPDispatcher {
        let dispatcher = SNMPDispatcher(eventLoop: group.next(), v3: v3, logger: logger)
        do {
            for address in addresses {
                try await dispatcher.bind(address, receiveBufferSize: receiveBufferSize)
            }
        } catch {
            try? await dispatcher.shutdown()
            throw error
        }
        return dispatcher
    }

    private func bind(_ address: SocketAddress, receiveBufferSize: Int) async throws {
        let channel = try await UDPTransport.bind(on: eventLoop, to: address, receiveBufferSize: receiveBufferSize,
                                                  onDatagram: datagramHandler)
        let isIPv6: Bool
        if case .v6 = address { isIPv6 = true } else { isIPv6 = false }
        try await eventLoop.submit { self.state.value.channels.append((channel, isIPv6)) }.get()
    }

    /// Adds an already open channel as one of the dispatcher's sockets (on the event loop). The transports
    /// use it after binding; the unit tests hand in an `EmbeddedChannel`.
    func attach(_ channel: any Channel, isIPv6: Bool) throws {
        try channel.pipeline.syncOperations.addHandler(UDPInboundHandler(onDatagram: datagramHandler))
        state.value.channels.append((channel, isIPv6))
    }

    /// What the transport calls for each datagram, on the event loop.
    var datagramHandler: @Sendable (ByteBuffer, SocketAddress, any Channel) -> Void {
        { [weak self] bytes, from, channel in self?.receive(bytes, from: from, channel: channel) }
    }

    /// Registers the application that handles unsolicited messages carrying these PDU types (RFC 3412 §4.3
    /// `registerContextEngineID`): a command responder takes Get/GetNext/GetBulk/Set, a notification receiver
    /// takes Trap, SNMPv2-Trap and Inform. Messages no application takes are dropped and counted
    /// (snmpUnknownPDUHandlers). Passing `nil` unregisters.
    public func register(_ pduTypes: [PDUType], handler: UnsolicitedHandler?) {
        eventLoop.execute {
            for type in pduTypes { self.state.value.applications[type] = handler }
        }
    }

    func channel(for destination: SocketAddress) -> (any Channel)? {
        let wantIPv6: Bool
        if case .v6 = destination { wantIPv6 = true } else { wantIPv6 = false }
        return state.value.channels.first { $0.isIPv6 == wantIPv6 }?.channel
    }

    func write(_ bytes: ByteBuffer, to destination: SocketAddress, on channel: any Channel) {
        if eventLoop.inEventLoop { state.value.statistics.outPackets &+= 1 }
        channel.writeAndFlush(AddressedEnvelope(remoteAddress: destination, data: bytes), promise: nil)
    }

    /// One datagram arrived (on the event loop): RFC 3412 §4.2.1, then §4.2.2.
    private func receive(_ bytes: ByteBuffer, from source: SocketAddress, channel: any Channel) {
        let state = self.state.value
        state.statistics.inPackets &+= 1
        guard let message = prepareDataElements(bytes, from: source, channel: channel) else { return }
        if message.pdu.type.isResponseClass {
            processResponsePDU(message, from: source)
            return
        }
        // §4.2.2.1: an unsolicited PDU goes to the application registered for its type (processPdu).
        guard let handler = state.applications[message.pdu.type] else {
            state.statistics.unknownPDUHandlers &+= 1
            return
        }
        handler(message, source, Replier(channel: channel, dispatcher: self))
    }

    /// RFC 3412 §4.2.1: the version selects the message processing model, which decodes (and for v3 has
    /// USM check) the message. Counts and drops what no model accepts.
    private func prepareDataElements(_ bytes: ByteBuffer, from source: SocketAddress,
                                     channel: any Channel) -> IncomingMessage? {
        let state = self.state.value
        // §4.2.1 step 2: an unreadable version is a parse error; an unknown one a bad version.
        guard let version = CommunityMessage.peekVersion(bytes) else {
            state.statistics.inASNParseErrors &+= 1
            return nil
        }
        switch version {
        case .v1, .v2c:
            do {
                return try CommunityMessageProcessing.prepareDataElements(bytes)
            } catch {
                if error.code == .parseError { state.statistics.inASNParseErrors &+= 1 }
                logger.debug("dropped message", metadata: ["from": "\(source)", "error": "\(error)"])
                return nil
            }
        case .v3 where v3 != nil:
            switch v3?.prepareDataElements(bytes) {
            case .message(let accepted)?:
                return accepted
            case .report(let reply, let error)?:
                logger.debug("report", metadata: ["from": "\(source)", "error": "\(error)"])
                write(reply, to: source, on: channel)
            case .drop(let reason, let parseError)?:
                if parseError { state.statistics.inASNParseErrors &+= 1 }
                logger.debug("dropped message", metadata: ["from": "\(source)", "reason": "\(reason)"])
            case nil:
                break
            }
            return nil
        default:
            state.statistics.inBadVersions &+= 1
            return nil
        }
    }

    /// RFC 3412 §4.2.2.2 (`processResponsePdu`): a response completes the request it answers, if it came
    /// from where the request went and in the request's version; anything else is counted and dropped.
    private func processResponsePDU(_ message: IncomingMessage, from source: SocketAddress) {
        let state = self.state.value
        guard let pending = state.table.pending[message.matchingID], pending.destination == source,
              pending.waiter.version == message.version,
              let request = state.table.complete(message.matchingID) else {
            state.statistics.unknownPDUHandlers &+= 1
            logger.debug("unmatched response", metadata: ["from": "\(source)", "id": "\(message.matchingID)"])
            return
        }
        request.timer?.cancel()
        request.waiter.promise.succeed(message)
    }

    /// The number of requests waiting for a response.
    public func pendingRequestCount() -> EventLoopFuture<Int> {
        eventLoop.submit { self.state.value.table.count }
    }

    /// A snapshot of the counters.
    public func statistics() -> EventLoopFuture<DispatcherStatistics> {
        eventLoop.submit { self.state.value.statistics }
    }

    /// The local addresses of the sockets, in the order they were bound.
    public func localAddresses() -> EventLoopFuture<[SocketAddress]> {
        eventLoop.submit { self.state.value.channels.compactMap(\.channel.localAddress) }
    }

    /// Fails every pending request with ``DispatcherError/Code/shutdown`` and closes the sockets.
    public func shutdown() async throws {
        let channels: [any Channel] = try await eventLoop.submit {
            let state = self.state.value
            state.isShutDown = true
            for request in state.table.removeAll() {
                request.timer?.cancel()
                request.waiter.promise.fail(DispatcherError(.shutdown))
            }
            let channels = state.channels.map(\.channel)
            state.channels = []
            return channels
        }.get()
        for channel in channels {
            try? await channel.close()
        }
    }
}
