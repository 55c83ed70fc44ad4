public import NIOCore
public import SNMPSMI
public import SNMPMessageProcessing

/// What a notification receiver decides about one incoming message, without sockets (RFC 3413 §3.4):
/// whether it is accepted, how an inform is acknowledged, and whether the application sees it.
///
/// ``NotificationReceiver`` runs one of these on the dispatcher's event loop; a test or a custom receiver can
/// drive it directly:
///
/// ```swift
/// var intake = NotificationIntake(acceptCommunity: { $0 == "public" })
/// let decision = intake.accept(message, from: source, now: .now())
/// if let ack = decision.acknowledgement { replier.returnResponsePDU(to: message, from: source, pdu: ack) }
/// if let notification = decision.delivery { handle(notification) }
/// ```
public struct NotificationIntake: Sendable {
    /// The outcome for one message.
    public struct Decision: Sendable {
        /// The Response PDU to send back (informs only), in the message's own version and security.
        public var acknowledgement: PDU?
        /// The notification to hand to the application; `nil` for a refused message or a retransmission.
        public var delivery: ReceivedNotification?
    }

    /// Accepted v1/v2c communities. SNMPv3 messages are accepted by USM before they get here.
    public var acceptCommunity: @Sendable (OctetString) -> Bool
    /// How long an inform's (sender, request-id) is remembered for duplicate suppression.
    public var duplicateWindow: TimeAmount
    private var recent = RecentInforms()

    /// Creates an intake.
    public init(duplicateWindow: TimeAmount = .seconds(150), acceptCommunity: @escaping @Sendable (OctetString) -> Bool) {
        self.acceptCommunity = acceptCommunity
        self.duplicateWindow = duplicateWindow
    }

    /// Decides about `message`, which arrived from `source` at `now`.
    public mutating func accept(_ message: IncomingMessage, from source: SocketAddress, now: NIODeadline) -> Decision {
        if message.securityModel == .v1 || message.securityModel == .v2c {
            // RFC 3584 §5.2.1: an unknown community is dropped (snmpInBadCommunityNames).
            guard acceptCommunity(message.securityName) else { return Decision(acknowledgement: nil, delivery: nil) }
        }
        var acknowledgement: PDU? = nil
        var deliver = true
        if case .pdu(let pdu) = message.pdu, pdu.type == .informRequest {
            // RFC 3416 §4.2.7: the Response carries the same request-id and variable-bindings. Every copy is
            // answered, because the sender retransmits only when our previous answer was lost.
            var response = pdu
            response.type = .response
            response.errorStatus = .noError
            response.errorIndex = 0
            acknowledgement = response
            deliver = recent.firstSighting(of: InformKey(source: source, requestID: pdu.requestID),
                                           now: now, window: duplicateWindow)
        }
        guard deliver else { return Decision(acknowledgement: acknowledgement, delivery: nil) }
        let received = ReceivedNotification(
            source: source, version: message.version, securityModel: message.securityModel,
            securityName: message.securityName, securityLevel: message.securityLevel,
            contextEngineID: message.contextEngineID, contextName: message.contextName, pdu: message.pdu)
        return Decision(acknowledgement: acknowledgement, delivery: received)
    }
}

/// An inform as the duplicate check knows it: retransmissions keep the request-id (RFC 3416 §4.2.7).
struct InformKey: Hashable, Sendable {
    var source: SocketAddress
    var requestID: Int32
}

/// Recently delivered informs, bounded in time and in count so a flood cannot grow memory without bound.
struct RecentInforms: Sendable {
    private var seen: [InformKey: NIODeadline] = [:]
    private let limit = 10_000

    mutating func firstSighting(of key: InformKey, now: NIODeadline, window: TimeAmount) -> Bool {
        if seen.count >= limit { seen = seen.filter { $0.value > now } }
        if let expiry = seen[key], expiry > now { return false }
        if seen.count >= limit { return true }  // still full of live entries: deliver rather than drop
        seen[key] = now + window
        return true
    }
}
