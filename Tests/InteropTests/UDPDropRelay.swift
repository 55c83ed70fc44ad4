import NIOCore
import NIOPosix
import NIOConcurrencyHelpers

/// A UDP relay between one sender and one receiver that loses chosen answers on the way back: a lost
/// inform acknowledgement without touching either side's code.
///
/// The sender talks to ``port``; datagrams are forwarded to `receiver` from a second socket, and the
/// receiver's answers go back to the sender except those whose (1-based) position is in `dropAnswers`.
final class UDPDropRelay: Sendable {
    private let front: any Channel
    private let back: any Channel
    private let state: NIOLockedValueBox<State>

    struct State {
        var sender: SocketAddress? = nil
        var answers = 0
        var dropped = 0
    }

    var port: Int { front.localAddress?.port ?? 0 }
    var droppedCount: Int { state.withLockedValue { $0.dropped } }

    init(receiver: SocketAddress, dropAnswers: Set<Int>) async throws {
        let state = NIOLockedValueBox(State())
        self.state = state
        let group = MultiThreadedEventLoopGroup.singleton
        let backBox = NIOLockedValueBox<(any Channel)?>(nil)
        let frontBox = NIOLockedValueBox<(any Channel)?>(nil)
        let front = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(DatagramForwarder { envelope in
                        state.withLockedValue { $0.sender = envelope.remoteAddress }
                        backBox.withLockedValue { $0 }?.writeAndFlush(
                            AddressedEnvelope(remoteAddress: receiver, data: envelope.data), promise: nil)
                    })
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let back = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(DatagramForwarder { envelope in
                        let target: SocketAddress? = state.withLockedValue { state in
                            state.answers += 1
                            if dropAnswers.contains(state.answers) {
                                state.dropped += 1
                                return nil
                            }
                            return state.sender
                        }
                        if let target {
                            frontBox.withLockedValue { $0 }?.writeAndFlush(
                                AddressedEnvelope(remoteAddress: target, data: envelope.data), promise: nil)
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

    func close() async {
        try? await front.close()
        try? await back.close()
    }
}
