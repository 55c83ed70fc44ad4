public import SNMPSMI
public import SNMPDispatcher

/// The notification originator application (RFC 3413 §3.2): sends SNMPv1 traps, SNMPv2 traps and informs,
/// translating between the v1 and v2 forms as each target's version needs (RFC 3584 §3).
///
/// ```swift
/// let originator = engine.notificationOriginator
/// try originator.sendTrap(SNMPNotification(.coldStart, upTime: 0), to: receiver)          // fire and forget
/// let ack = try await originator.sendInform(SNMPNotification(.linkUp, upTime: 4200), to: manager)
/// ```
public struct NotificationOriginator: Sendable {
    let dispatcher: SNMPDispatcher

    /// Creates an originator on `dispatcher`. Inform receivers are discovered once per dispatcher (its
    /// `SNMPDispatcher.engineDirectory`), not once per inform.
    public init(dispatcher: SNMPDispatcher) {
        self.dispatcher = dispatcher
    }

    /// Sends a notification as a trap: an SNMPv2-Trap-PDU to a v2c target, a Trap-PDU (translated, RFC 3584
    /// §3.2) to a v1 target. Nothing is acknowledged, so nothing is awaited.
    public func sendTrap(_ notification: SNMPNotification, to target: SNMPTarget,
                         agentAddress: IPv4Address = IPv4Address(0, 0, 0, 0)) throws(SNMPError) {
        if target.version == .v1 {
            try sendTrap(NotificationTranslation.trapV1(from: notification, defaultAgentAddress: agentAddress), to: target)
            return
        }
        let pdu = notification.pdu(type: .trapV2, requestID: Int32.random(in: 1...Int32.max))
        try send(.pdu(pdu), to: target)
    }

    /// Sends an SNMPv1 Trap-PDU: as is to a v1 target, translated to an SNMPv2-Trap (RFC 3584 §3.1) otherwise.
    public func sendTrap(_ trap: TrapV1PDU, to target: SNMPTarget) throws(SNMPError) {
        if target.version == .v1 {
            try send(.trapV1(trap), to: target)
        } else {
            let community: OctetString?
            switch target.security {
            case .community(_, let c): community = c
            case .usm: community = nil
            }
            try sendTrap(NotificationTranslation.notification(from: trap, community: community), to: target)
        }
    }

    /// Sends an InformRequest and returns the receiver's Response once it acknowledges (SNMPv2c and v3),
    /// retransmitting per the target's timeout and retries; throws ``SNMPError/Code/timeout`` otherwise.
    @discardableResult
    public func sendInform(_ notification: SNMPNotification, to target: SNMPTarget) async throws(SNMPError) -> PDU {
        guard target.version != .v1 else {
            throw SNMPError(.unsupportedPDU, "Cannot send INFORM as SNMPv1 PDU")
        }
        let response = try await CommandGenerator(dispatcher: dispatcher).send(notification.pdu(type: .informRequest), to: target)
        guard response.errorStatus == .noError else { throw SNMPError.errorStatus(in: response) }
        return response
    }

    private func send(_ pdu: MessagePDU, to target: SNMPTarget) throws(SNMPError) {
        switch pdu {
        case .pdu(let plain): try CommandGenerator.checkEncodable(plain)
        case .trapV1(let trap):
            guard trap.enterprise.isEncodable, trap.varBinds.allSatisfy(\.oid.isEncodable) else {
                throw SNMPError(.invalidArgument, "an OBJECT IDENTIFIER of the trap cannot be encoded")
            }
        }
        do {
            _ = try dispatcher.sendPDU(target.outgoing(pdu), expectResponse: false)
        } catch {
            throw SNMPError(dispatcherError: error)
        }
    }
}
