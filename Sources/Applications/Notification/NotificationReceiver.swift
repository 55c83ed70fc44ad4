public import NIOCore
public import SNMPSMI
public import SNMPDispatcher
import SNMPMessageProcessing
import SNMPSecurity

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
    let communityFilter: @Sendable (OctetString) -> Bool
    let handler: Handler
    let duplicateWindow: TimeAmount
    private let recentInforms: NIOLoopBoundBox<RecentInforms>

    /// Creates a receiver.
    /// - Parameters:
    ///   - communities: accepted v1/v2c communities; `nil` accepts any (`snmptrapd`'s `disableAuthorization`).
    ///   - duplicateWindow: how long an inform's (sender, request-id) is remembered for duplicate suppression.
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
        self.communityFilter = acceptCommunity
        self.handler = handler
        self.duplicateWindow = duplicateWindow
        self.recentInforms = NIOLoopBoundBox.makeBoxSendingValue(RecentInforms(), eventLoop: dispatcher.eventLoop)
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

    private func receive(_ message: IncomingMessage, from source: SocketAddress, replier: SNMPDispatcher.Replier) {
        if message.securityModel == .v1 || message.securityModel == .v2c {
            // RFC 3584 §5.2.1: an unknown community is dropped (snmpInBadCommunityNames).
            guard communityFilter(message.securityName) else { return }
        }
        var deliver = true
        if case .pdu(let pdu) = message.pdu, pdu.type == .informRequest {
            // RFC 3416 §4.2.7: the Response carries the same request-id and variable-bindings.
            var bytes = ByteBuffer()
            var response = pdu
            response.type = .response
            response.errorStatus = .noError
            response.errorIndex = 0
            if (try? CommunityMessageProcessing.prepareOutgoingMessage(
                version: message.version, community: message.securityName, pdu: .pdu(response), into: &bytes)) != nil {
                replier.send(bytes, to: source)
            }
            deliver = recentInforms.value.firstSighting(of: "\(source)#\(pdu.requestID)", now: .now(), window: duplicateWindow)
        }
        guard deliver else { return }
        handler(ReceivedNotification(
            source: source, version: message.version, securityModel: message.securityModel,
            securityName: message.securityName, securityLevel: message.securityLevel,
            contextEngineID: message.contextEngineID, contextName: message.contextName, pdu: message.pdu))
    }
}

/// Recently delivered informs, bounded in time and in count so a flood cannot grow memory without bound.
final class RecentInforms {
    private var seen: [String: NIODeadline] = [:]
    private let limit = 10_000

    func firstSighting(of key: String, now: NIODeadline, window: TimeAmount) -> Bool {
        if seen.count >= limit { seen = seen.filter { $0.value > now } }
        if let expiry = seen[key], expiry > now { return false }
        if seen.count >= limit { return true }  // still full of live entries: deliver rather than drop
        seen[key] = now + window
        return true
    }
}
