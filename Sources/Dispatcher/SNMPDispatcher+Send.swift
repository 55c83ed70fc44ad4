public import NIOCore
public import SNMPMessageProcessing
import SNMPSecurity
import SNMPSMI

// RFC 3411 §4.1.1 / RFC 3412 §4.1.1 `sendPdu`: the dispatcher picks the message processing model for the
// PDU's version, has it build the message, sends it and (for confirmed-class PDUs) waits for the response.
extension SNMPDispatcher {
    /// Sends `outgoing.pdu` with the message processing model of `outgoing.messageProcessingModel`.
    ///
    /// With `expectResponse` (confirmed-class PDUs: Get, GetNext, GetBulk, Set, Inform) the PDU's request-id
    /// is replaced by a fresh one, the message is retransmitted after each timeout, and the future completes
    /// with the Response; for SNMPv3, engine discovery and time synchronisation (RFC 3414 §4) happen first
    /// when needed, invisibly. Failures complete the future with a ``DispatcherError``.
    ///
    /// Without it (traps; RFC 3412 §7.1 step 9b makes this engine authoritative for v3) the message is built
    /// at once — a model's refusal is thrown here, as RFC 3412 §4.1.1 returns an errorIndication — and the
    /// returned future completes with `nil` once the message is handed to the socket.
    public func sendPDU(_ outgoing: OutgoingPDU,
                        expectResponse: Bool) throws(DispatcherError) -> EventLoopFuture<IncomingMessage?> {
        guard expectResponse else {
            let bytes = try prepareUnconfirmed(outgoing)
            return eventLoop.submit { () throws -> IncomingMessage? in
                guard !self.state.value.isShutDown else { throw DispatcherError(.shutdown) }
                guard let channel = self.channel(for: outgoing.destination) else {
                    throw DispatcherError(.transport, "no socket for \(outgoing.destination)")
                }
                self.write(bytes, to: outgoing.destination, on: channel)
                return nil
            }
        }
        switch outgoing.messageProcessingModel {
        case .v1, .v2c:
            return exchange(to: outgoing.destination, version: outgoing.messageProcessingModel,
                            waits: outgoing.attemptWaits) { id throws(DispatcherError) in
                try Self.prepareCommunityMessage(outgoing, requestID: id)
            }.map { $0 }
        case .v3:
            guard let v3 else { throw Self.noV3 }
            return sendV3Request(outgoing, v3: v3).map { $0 }
        default:
            throw DispatcherError(.encoding, "no message processing model for version \(outgoing.messageProcessingModel.rawValue)")
        }
    }

    static let noV3 = DispatcherError(.security, "this engine was started without SNMPv3")

    /// Sends `bytes` to `destination` as they are: no model, no retransmission. For tests and tools that
    /// need a message no model would build (malformed input, replays).
    public func send(_ bytes: ByteBuffer, to destination: SocketAddress) {
        eventLoop.execute {
            guard let channel = self.channel(for: destination) else { return }
            self.write(bytes, to: destination, on: channel)
        }
    }

    /// The message for an unconfirmed-class PDU (Trap, SNMPv2-Trap), built on the caller's thread: the
    /// models are safe to call from any thread.
    private func prepareUnconfirmed(_ outgoing: OutgoingPDU) throws(DispatcherError) -> ByteBuffer {
        switch outgoing.messageProcessingModel {
        case .v3:
            // RFC 3412 §7.1 step 9b: an unconfirmed-class PDU is sent with this engine authoritative.
            guard let v3 else { throw Self.noV3 }
            guard case .pdu(let pdu) = outgoing.pdu else {
                throw DispatcherError(.unsupportedPDU, "an SNMPv1 Trap-PDU in SNMPv3")
            }
            let scoped = ScopedPDU(contextEngineID: outgoing.contextEngineID ?? v3.engineID,
                                   contextName: outgoing.contextName, pdu: pdu)
            do {
                return try v3.prepareAuthoritativeMessage(messageID: Int32.random(in: 1...Int32.max),
                                                          userName: outgoing.securityName,
                                                          securityLevel: outgoing.securityLevel, scopedPDU: scoped)
            } catch {
                throw DispatcherError(usm: error)
            }
        default:
            return try Self.prepareCommunityMessage(outgoing, requestID: nil)
        }
    }

    /// RFC 3412 §4.1.1 step 2 for v1/v2c: the community model's message, with `requestID` when given.
    private static func prepareCommunityMessage(_ outgoing: OutgoingPDU,
                                                requestID: Int32?) throws(DispatcherError) -> ByteBuffer {
        var pdu = outgoing.pdu
        if let requestID, case .pdu(var plain) = pdu {
            plain.requestID = requestID
            pdu = .pdu(plain)
        }
        var bytes = ByteBuffer()
        do {
            try CommunityMessageProcessing.prepareOutgoingMessage(
                version: outgoing.messageProcessingModel, community: outgoing.securityName, pdu: pdu, into: &bytes)
        } catch {
            throw DispatcherError(error.code == .unsupportedPDU ? .unsupportedPDU : .encoding, error.description)
        }
        return bytes
    }

    /// One request/response exchange: `encode` builds the message for a fresh request-id/msgID on the event
    /// loop; the same bytes go out once per element of `waits` (at least once), each attempt waiting its
    /// element, before the future fails with ``DispatcherError/Code/timeout``. A late answer to an earlier
    /// attempt still completes it (same request-id). Nothing of the request remains afterwards.
    func exchange(to destination: SocketAddress, version: SNMPVersion, waits: [TimeAmount],
                  encode: @escaping @Sendable (Int32) throws(DispatcherError) -> ByteBuffer) -> EventLoopFuture<IncomingMessage> {
        let promise = eventLoop.makePromise(of: IncomingMessage.self)
        let waits = waits.isEmpty ? [TimeAmount.seconds(1)] : waits
        if eventLoop.inEventLoop {
            startExchange(destination, version, waits, encode, promise)
        } else {
            eventLoop.execute { self.startExchange(destination, version, waits, encode, promise) }
        }
        return promise.futureResult
    }

    private func startExchange(
        _ destination: SocketAddress, _ version: SNMPVersion, _ waits: [TimeAmount],
        _ encode: @Sendable (Int32) throws(DispatcherError) -> ByteBuffer, _ promise: EventLoopPromise<IncomingMessage>
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
        state.table.insert(id, message: bytes, destination: destination, retries: waits.count - 1,
                           waiter: Waiter(promise: promise, version: version, waits: waits))
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
        case .resend(let bytes, let destination):
            state.statistics.retransmissions &+= 1
            if let channel = channel(for: destination) { write(bytes, to: destination, on: channel) }
            // The attempt just sent is the `sends`-th: it waits its own element of the schedule.
            guard let pending = state.table.pending[id] else { return }
            let waits = pending.waiter.waits
            scheduleTimer(id, waits[min(pending.sends, waits.count) - 1])
        case .fail(let waiter, let sends):
            state.statistics.timeouts &+= 1
            waiter.promise.fail(DispatcherError(.timeout, "no response after \(sends) attempts"))
        case .none:
            break
        }
    }
}

extension DispatcherError {
    /// A USM failure, local or reported by the agent, crossing the seam as ``Code/security``.
    init(usm error: USMError, reportOID: ObjectIdentifier? = nil) {
        self.init(.security, error.description, usm: error, reportOID: reportOID)
    }
}
