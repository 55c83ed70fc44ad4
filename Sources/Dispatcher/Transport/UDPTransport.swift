import NIOCore
import NIOPosix

/// One UDP socket of the dispatcher. Datagrams read from it are handed to `onDatagram` on the channel's
/// event loop, with no hop and no task per packet (ARCHITECTURE.md, concurrency).
final class UDPInboundHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let onDatagram: @Sendable (ByteBuffer, SocketAddress, any Channel) -> Void

    init(onDatagram: @escaping @Sendable (ByteBuffer, SocketAddress, any Channel) -> Void) {
        self.onDatagram = onDatagram
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        onDatagram(envelope.data, envelope.remoteAddress, context.channel)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // ICMP port-unreachable and friends surface here on Linux; a UDP socket stays usable, and the
        // request they concern simply times out, as with Net-SNMP.
    }
}

enum UDPTransport {
    /// Binds a UDP socket on `eventLoop` at `address`.
    static func bind(
        on eventLoop: any EventLoop, to address: SocketAddress, receiveBufferSize: Int,
        onDatagram: @escaping @Sendable (ByteBuffer, SocketAddress, any Channel) -> Void
    ) async throws -> any Channel {
        try await DatagramBootstrap(group: eventLoop)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelOption(.socketOption(.so_rcvbuf), value: SocketOptionValue(receiveBufferSize))
            // Let one read drain many datagrams: a bulk walk or an agent under load delivers bursts.
            .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 65_536))
            .channelOption(.maxMessagesPerRead, value: 16)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(UDPInboundHandler(onDatagram: onDatagram))
                }
            }
            .bind(to: address)
            .get()
    }
}
