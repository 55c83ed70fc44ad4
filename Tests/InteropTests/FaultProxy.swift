import NIOCore
import NIOPosix
import NIOConcurrencyHelpers
import SNMP
import SNMPMessageProcessing

/// A misbehaving agent for the healing tests: a UDP proxy in front of a real snmpd (SNMPv1/v2c) that
/// answers `tooBig` above a varbind count, drops large responses, delays every response, or repeats an
/// OID where a subtree ends. It counts the requests that reach it.
final class FaultProxy: Sendable {
    struct Faults: Sendable {
        /// Replace a response of more varbinds than this with a `tooBig` answer.
        var tooBigAbove: Int? = nil
        /// Drop responses larger than this many bytes (a path MTU that loses them).
        var dropLargerThan: Int? = nil
        /// Hold every response this long.
        var delay: TimeAmount? = nil
        /// Where a response first leaves this subtree, put the subtree's last OID again (non-increasing).
        var repeatAtEndOf: ObjectIdentifier? = nil
        /// From this response on, sysUpTime.0 reads 0.01 s: the agent seems to have restarted.
        var restartAtResponse: Int? = nil
        /// Answer `noSuchName` (SNMPv1) for anything after this instance in its column (single-arc index),
        /// as agents do mid-table.
        var noSuchNameAfter: ObjectIdentifier? = nil
        /// Put endOfMibView in place of this object's value, the values after it left as they are.
        var endOfMibViewAt: ObjectIdentifier? = nil
    }

    private struct State {
        var senders: [Int32: (address: SocketAddress, oid: ObjectIdentifier?)] = [:]
        var requests = 0
        var dropped = 0
        var tooBig = 0
        var responses = 0
        var outstanding = 0
        var mostOutstanding = 0
    }

    private let front: any Channel
    private let back: any Channel
    private let state: NIOLockedValueBox<State>

    var port: Int { front.localAddress?.port ?? 0 }
    var requests: Int { state.withLockedValue { $0.requests } }
    var dropped: Int { state.withLockedValue { $0.dropped } }
    var tooBigAnswers: Int { state.withLockedValue { $0.tooBig } }
    /// The most requests the agent side had received and not yet answered to the client at one time.
    var mostOutstanding: Int { state.withLockedValue { $0.mostOutstanding } }

    init(agentPort: Int, faults: Faults) async throws {
        let agent = try SocketAddress(ipAddress: "127.0.0.1", port: agentPort)
        let state = NIOLockedValueBox(State())
        self.state = state
        let group = MultiThreadedEventLoopGroup.singleton
        let backBox = NIOLockedValueBox<(any Channel)?>(nil)
        let frontBox = NIOLockedValueBox<(any Channel)?>(nil)
        let front = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(DatagramForwarder { envelope in
                        guard let message = try? CommunityMessageProcessing.prepareDataElements(envelope.data),
                              case .pdu(let request) = message.pdu else { return }
                        state.withLockedValue {
                            $0.requests += 1
                            $0.outstanding += 1
                            $0.mostOutstanding = max($0.mostOutstanding, $0.outstanding)
                            $0.senders[message.matchingID] = (envelope.remoteAddress, request.varBinds.first?.oid)
                        }
                        backBox.withLockedValue { $0 }?.writeAndFlush(
                            AddressedEnvelope(remoteAddress: agent, data: envelope.data), promise: nil)
                    })
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let back = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(DatagramForwarder { envelope in
                        guard let message = try? CommunityMessageProcessing.prepareDataElements(envelope.data),
                              let sender = state.withLockedValue({ $0.senders[message.matchingID] }) else { return }
                        let answered: @Sendable () -> Void = { state.withLockedValue { $0.outstanding -= 1 } }
                        guard let answer = Self.misbehave(envelope.data, message, sender.oid, faults, state),
                              let frontChannel = frontBox.withLockedValue({ $0 }) else {
                            answered()
                            return
                        }
                        let out = AddressedEnvelope(remoteAddress: sender.address, data: answer)
                        if let delay = faults.delay {
                            frontChannel.eventLoop.scheduleTask(in: delay) {
                                answered()
                                frontChannel.writeAndFlush(out, promise: nil)
                            }
                        } else {
                            answered()
                            frontChannel.writeAndFlush(out, promise: nil)
                        }
                    })
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        frontBox.withLockedValue { $0 = front }
        backBox.withLockedValue { $0 = back }
        self.front = front
        self.back = back
    }

    /// The answer the client gets instead of `bytes`, or `nil` to lose it.
    private static func misbehave(_ bytes: ByteBuffer, _ message: IncomingMessage, _ requested: ObjectIdentifier?,
                                  _ faults: Faults,
                                  _ state: NIOLockedValueBox<State>) -> ByteBuffer? {
        guard case .pdu(var pdu) = message.pdu else { return bytes }
        var changed = false
        let number = state.withLockedValue { state -> Int in
            state.responses += 1
            return state.responses
        }
        if let restart = faults.restartAtResponse, number >= restart,
           let first = pdu.varBinds.first, first.oid == [1, 3, 6, 1, 2, 1, 1, 3, 0] {
            pdu.varBinds[0] = VarBind(first.oid, .timeTicks(1))
            changed = true
        }
        if let oid = faults.endOfMibViewAt, let index = pdu.varBinds.firstIndex(where: { $0.oid == oid }) {
            pdu.varBinds[index] = VarBind(oid, .endOfMibView)
            changed = true
        }
        if let after = faults.noSuchNameAfter, pdu.errorStatus == .noError,
           case let column = ObjectIdentifier(Array(after.arcs.dropLast())),
           let index = pdu.varBinds.firstIndex(where: { column.isPrefix(of: $0.oid) && after < $0.oid }) {
            pdu.errorStatus = .noSuchName
            pdu.errorIndex = Int32(index + 1)
            changed = true
        }
        if let limit = faults.tooBigAbove, pdu.varBinds.count > limit {
            state.withLockedValue { $0.tooBig += 1 }
            pdu.errorStatus = .tooBig
            pdu.errorIndex = 0
            pdu.varBinds = []
            changed = true
        }
        if let subtree = faults.repeatAtEndOf,
           let exit = pdu.varBinds.firstIndex(where: { !subtree.isPrefix(of: $0.oid) }) {
            // The first OID past the subtree becomes the last one inside it again: the previous varbind's,
            // or the OID the request asked after.
            let previous = exit > 0 ? pdu.varBinds[exit - 1].oid : requested
            if let previous, subtree.isPrefix(of: previous) {
                pdu.varBinds[exit] = VarBind(previous, pdu.varBinds[exit].value)
                changed = true
            }
        }
        var answer = bytes
        if changed {
            answer = ByteBuffer()
            try? CommunityMessageProcessing.prepareOutgoingMessage(
                version: message.version, community: message.securityName, pdu: .pdu(pdu), into: &answer)
        }
        if let limit = faults.dropLargerThan, answer.readableBytes > limit {
            state.withLockedValue { $0.dropped += 1 }
            return nil
        }
        return answer
    }

    func close() async {
        try? await front.close()
        try? await back.close()
    }
}

/// Hands each datagram a channel reads to a closure (the relays' only handler).
final class DatagramForwarder: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    let forward: @Sendable (AddressedEnvelope<ByteBuffer>) -> Void
    init(_ forward: @escaping @Sendable (AddressedEnvelope<ByteBuffer>) -> Void) { self.forward = forward }
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        forward(unwrapInboundIn(data))
    }
}
