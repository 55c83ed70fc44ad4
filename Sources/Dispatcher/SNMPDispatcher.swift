public import NIOCore
public import NIOPosix
public import Logging
public import SNMPMessageProcessing
public import SNMPSMI

/// The dispatcher (RFC 3412 §4): owns the UDP sockets, sends messages, matches responses to outstanding
/// requests, retransmits on timeout, and hands unsolicited messages to the registered application.
///
/// All mutable state is confined to one event loop, so the per-message path has no locks and no actor hop.
///
/// ```swift
/// let dispatcher = try await SNMPDispatcher.start()
/// let response = try await dispatcher.sendRequest(to: address, timeout: .seconds(1), retries: 5) { id in
///     var bytes = ByteBuffer()
///     try CommunityMessageProcessing.prepareOutgoingMessage(version: .v2c, community: "public",
///         pdu: .pdu(PDU(type: .getRequest, requestID: id, varBinds: [VarBind("1.3.6.1.2.1.1.1.0")])), into: &bytes)
///     return bytes
/// }.get()
/// ```
public final class SNMPDispatcher: Sendable {
    /// How the dispatcher treats a message that is not a response to one of its requests.
    public typealias UnsolicitedHandler = @Sendable (IncomingMessage, _ from: SocketAddress, _ reply: Replier) -> Void

    /// Sends a reply back out of the socket a message arrived on (used by responders and receivers).
    public struct Replier: Sendable {
        let channel: any Channel
        let dispatcher: SNMPDispatcher
        /// The local address of the socket the message arrived on (a wildcard address when it was bound to one).
        public var localAddress: SocketAddress? { channel.localAddress }

        /// Sends `bytes` to `address` from the receiving socket.
        public func send(_ bytes: ByteBuffer, to address: SocketAddress) {
            dispatcher.write(bytes, to: address, on: channel)
        }

        /// Answers `message` with `pdu` in the message's own version and security (RFC 3412 §4.2.2.1
        /// `returnResponsePdu`): the same community for v1/v2c, the same user, level and context for v3.
        /// Returns `false` when the answer could not be encoded (e.g. a PDU the version cannot carry).
        @discardableResult
        public func respond(to message: IncomingMessage, from source: SocketAddress, with pdu: PDU) -> Bool {
            var bytes = ByteBuffer()
            switch message.version {
            case .v1, .v2c:
                do {
                    try CommunityMessageProcessing.prepareOutgoingMessage(
                        version: message.version, community: message.securityName, pdu: .pdu(pdu), into: &bytes)
                } catch {
                    return false
                }
            default:
                guard let v3 = dispatcher.v3, let details = message.v3,
                      let encoded = try? v3.prepareResponse(to: details, contextEngineID: message.contextEngineID,
                                                            contextName: message.contextName, pdu: pdu) else {
                    return false
                }
                bytes = encoded
            }
            send(bytes, to: source)
            return true
        }
    }

    /// The event loop that owns the sockets and the request table.
    public let eventLoop: any EventLoop
    /// The SNMPv3 message processing model, when this engine speaks SNMPv3.
    public let v3: V3MessageProcessing?
    let logger: Logger
    private let state: NIOLoopBoundBox<State>

    final class State {
        var table: RequestTable
        /// Bound sockets with their address family, looked up per send without asking the socket.
        var channels: [(channel: any Channel, isIPv6: Bool)] = []
        var statistics = DispatcherStatistics()
        /// RFC 3412 §4.3: the applications registered for unsolicited PDUs, by PDU type.
        var applications: [PDUType: UnsolicitedHandler] = [:]
        var isShutDown = false

        init(firstID: Int32) {
            self.table = RequestTable(firstID: firstID)
        }
    }

    private init(eventLoop: any EventLoop, v3: V3MessageProcessing?, logger: Logger) {
        self.eventLoop = eventLoop
        self.v3 = v3
        self.logger = logger
        self.state = NIOLoopBoundBox.makeBoxSendingValue(
            State(firstID: Int32.random(in: 1...0x3FFF_FFFF)), eventLoop: eventLoop)
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
        let onDatagram: @Sendable (ByteBuffer, SocketAddress, any Channel) -> Void = { [weak self] bytes, from, channel in
            self?.receive(bytes, from: from, channel: channel)
        }
        let channel = try await UDPTransport.bind(on: eventLoop, to: address, receiveBufferSize: receiveBufferSize,
                                                  onDatagram: onDatagram)
        let isIPv6: Bool
        if case .v6 = address { isIPv6 = true } else { isIPv6 = false }
        try await eventLoop.submit { self.state.value.channels.append((channel, isIPv6)) }.get()
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

    /// Sends a confirmed-class request and completes with the matching response.
    ///
    /// `encode` is called on the dispatcher's event loop with a fresh request-id (v1/v2c) or msgID (v3) and
    /// returns the wire bytes; the same bytes are retransmitted after each `timeout`, `retries` times, before
    /// the future fails with ``DispatcherError/Code/timeout``. Nothing of the request remains afterwards.
    public func sendRequest(
        to destination: SocketAddress, timeout: TimeAmount, retries: Int,
        encode: @escaping @Sendable (Int32) throws -> ByteBuffer
    ) -> EventLoopFuture<IncomingMessage> {
        sendRequest(to: destination, waits: Array(repeating: timeout, count: max(0, retries) + 1), encode: encode)
    }

    /// Sends a request whose attempts wait `waits[0]`, `waits[1]`, ... in turn (one attempt per element,
    /// at least one): the schedule an adaptive, backing-off command generator computes. The same bytes
    /// (same request-id) go out on each attempt, so a late answer to an earlier attempt still completes it.
    public func sendRequest(
        to destination: SocketAddress, waits: [TimeAmount],
        encode: @escaping @Sendable (Int32) throws -> ByteBuffer
    ) -> EventLoopFuture<IncomingMessage> {
        let promise = eventLoop.makePromise(of: IncomingMessage.self)
        let waits = waits.isEmpty ? [TimeAmount.seconds(1)] : waits
        if eventLoop.inEventLoop {
            startRequest(destination, waits, encode, promise)
        } else {
            eventLoop.execute { self.startRequest(destination, waits, encode, promise) }
        }
        return promise.futureResult
    }

    private func startRequest(
        _ destination: SocketAddress, _ waits: [TimeAmount],
        _ encode: @Sendable (Int32) throws -> ByteBuffer, _ promise: EventLoopPromise<IncomingMessage>
    ) {
        let state = self.state.value
        guard !state.isShutDown else {
            promise.fail(DispatcherError(.shutdown))
            return
        }
        guard let channel = channel(for: destination) else {
            promise.fail(DispatcherError(.transport, "no socket for \(destination)"))
            return
        }
        let id = state.table.allocateID()
        let bytes: ByteBuffer
        do {
            bytes = try encode(id)
        } catch {
            promise.fail(error)
            return
        }
        state.table.insert(id, .init(bytes: bytes, destination: destination, waits: waits,
                                     promise: promise, timer: nil, sends: 1))
        write(bytes, to: destination, on: channel)
        scheduleTimer(id, waits[0])
    }

    private func scheduleTimer(_ id: Int32, _ timeout: TimeAmount) {
        let timer = eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            self.timerFired(id)
        }
        state.value.table.setTimer(id, timer)
    }

    private func timerFired(_ id: Int32) {
        let state = self.state.value
        switch state.table.timedOut(id) {
        case .resend(let bytes, let destination, let timeout):
            state.statistics.retransmissions &+= 1
            if let channel = channel(for: destination) { write(bytes, to: destination, on: channel) }
            scheduleTimer(id, timeout)
        case .fail(let promise, let sends):
            state.statistics.timeouts &+= 1
            promise.fail(DispatcherError(.timeout, "no response after \(sends) attempts"))
        case .none:
            break
        }
    }

    /// Sends one message that expects no answer (a trap, or a response from a responder).
    public func send(_ bytes: ByteBuffer, to destination: SocketAddress) {
        eventLoop.execute {
            guard let channel = self.channel(for: destination) else { return }
            self.write(bytes, to: destination, on: channel)
        }
    }

    private func channel(for destination: SocketAddress) -> (any Channel)? {
        let wantIPv6: Bool
        if case .v6 = destination { wantIPv6 = true } else { wantIPv6 = false }
        return state.value.channels.first { $0.isIPv6 == wantIPv6 }?.channel
    }

    fileprivate func write(_ bytes: ByteBuffer, to destination: SocketAddress, on channel: any Channel) {
        if eventLoop.inEventLoop { state.value.statistics.outPackets &+= 1 }
        channel.writeAndFlush(AddressedEnvelope(remoteAddress: destination, data: bytes), promise: nil)
    }

    /// One datagram arrived (on the event loop).
    private func receive(_ bytes: ByteBuffer, from source: SocketAddress, channel: any Channel) {
        let state = self.state.value
        state.statistics.inPackets &+= 1
        // RFC 3412 §4.2.1 step 2: the version selects the model; an unknown version is counted and dropped.
        guard let version = CommunityMessage.peekVersion(bytes) else {
            state.statistics.inASNParseErrors &+= 1
            return
        }
        let message: IncomingMessage
        switch version {
        case .v1, .v2c:
            do {
                message = try CommunityMessageProcessing.prepareDataElements(bytes)
            } catch {
                if error.code == .parseError { state.statistics.inASNParseErrors &+= 1 }
                logger.debug("dropped message", metadata: ["from": "\(source)", "error": "\(error)"])
                return
            }
        case .v3 where v3 != nil:
            switch v3?.prepareDataElements(bytes) {
            case .message(let accepted)?:
                message = accepted
            case .report(let reply, let error)?:
                logger.debug("report", metadata: ["from": "\(source)", "error": "\(error)"])
                write(reply, to: source, on: channel)
                return
            case .drop(let reason, let parseError)?:
                if parseError { state.statistics.inASNParseErrors &+= 1 }
                logger.debug("dropped message", metadata: ["from": "\(source)", "reason": "\(reason)"])
                return
            case nil:
                return
            }
        default:
            state.statistics.inBadVersions &+= 1
            return
        }
        if message.pdu.type.isResponseClass {
            guard let request = state.table.complete(message.matchingID) else {
                state.statistics.unknownPDUHandlers &+= 1
                return
            }
            request.promise.succeed(message)
            return
        }
        guard let handler = state.applications[message.pdu.type] else {
            state.statistics.unknownPDUHandlers &+= 1
            return
        }
        handler(message, source, Replier(channel: channel, dispatcher: self))
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
                request.promise.fail(DispatcherError(.shutdown))
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
