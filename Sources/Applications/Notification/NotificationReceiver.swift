public import NIOCore
public import SNMPSMI
public import SNMPDispatcher
public import SNMPMessageProcessing

/// The notification receiver application (RFC 3413 §3.4): accepts traps and informs, acknowledges informs,
/// and hands each notification once to `handler`.
///
/// Informs are acknowledged every time they arrive (the sender may have lost the previous ack), but a
/// retransmission of one already delivered — same sender, same request-id, within `duplicateWindow` — is not
/// delivered again.
///
/// ```swift
/// let engine = try await SNMPEngine.start(listeningOn: [try SocketAddress(ipAddress: "127.0.0.1", port: 16162)])
/// let receiver = NotificationReceiver(dispatcher: engine.dispatcher, communities: ["public"]) { received in
///     print(received.source, received.notification?.trapOID as Any)
/// }
/// receiver.start()
/// ```
public final class NotificationReceiver: Sendable {
    /// Called on the dispatcher's event loop for every accepted notification: keep it short.
    public typealias Handler = @Sendable (ReceivedNotification) -> Void

    let dispatcher: SNMPDispatcher
    let handler: Handler
    private let intake: NIOLoopBoundBox<NotificationIntake>

    /// Creates a receiver.
    /// - Parameters:
    ///   - dispatcher: the dispatcher of an engine listening on the notification ports; ``start()`` registers with it.
    ///   - communities: accepted v1/v2c communities; `nil` accepts any (`snmptrapd`'s `disableAuthorization`).
    ///     SNMPv3 senders are accepted by USM: they need a user in the engine's table (for traps, one
    ///     localized to the sender's engine ID, see ``SNMPEngine/addUser(_:engineID:)``).
    ///   - duplicateWindow: how long an inform's (sender, request-id) is remembered for duplicate suppression.
    ///   - handler: receives each accepted notification once, on the dispatcher's event loop.
    public convenience init(dispatcher: SNMPDispatcher, communities: Set<String>?, duplicateWindow: TimeAmount = .seconds(150),
                            handler: @escaping Handler) {
        let accepted = communities.map { Set($0.map { OctetString($0) }) }
        self.init(dispatcher: dispatcher, duplicateWindow: duplicateWindow,
                  acceptCommunity: { community in accepted?.contains(community) ?? true }, handler: handler)
    }

    /// Creates a receiver that decides on communities with a predicate (e.g. a regular expression).
    public init(dispatcher: SNMPDispatcher, duplicateWindow: TimeAmount = .seconds(150),
                acceptCommunity: @escaping @Sendable (OctetString) -> Bool, handler: @escaping Handler) {
        self.dispatcher = dispatcher
        self.handler = handler
        self.intake = NIOLoopBoundBox.makeBoxSendingValue(
            NotificationIntake(duplicateWindow: duplicateWindow, acceptCommunity: acceptCommunity),
            eventLoop: dispatcher.eventLoop)
    }

    /// Registers with the dispatcher for Trap, SNMPv2-Trap and InformRequest PDUs.
    public func start() {
        dispatcher.register([.trapV1, .trapV2, .informRequest]) { [self] message, source, replier in
            self.receive(message, from: source, replier: replier)
        }
    }

    /// Stops receiving.
    public func stop() {
        dispatcher.register([.trapV1, .trapV2, .informRequest], handler: nil)
    }

    /// Handles one message the dispatcher routed here (on its event loop): acknowledges an inform in the
    /// message's own version and security — the same community, or the same USM user, level and context —
    /// and hands a first sighting to the handler. Public so that a wrapper can observe or filter messages
    /// before the receiver sees them.
    public func receive(_ message: IncomingMessage, from source: SocketAddress, replier: SNMPDispatcher.Replier) {
        let decision = intake.value.accept(message, from: source, now: .now())
        if let acknowledgement = decision.acknowledgement {
            // RFC 3412 §7.1 (returnResponsePdu): a v3 ack goes out with the stateReference USM kept.
            replier.returnResponsePDU(to: message, from: source, pdu: acknowledgement)
        }
        if var delivery = decision.delivery {
            delivery.localAddress = replier.localAddress
            handler(delivery)
        }
    }
}
