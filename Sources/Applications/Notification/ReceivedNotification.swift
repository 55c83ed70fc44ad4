public import NIOCore
public import SNMPSMI
import SNMPSecurity

/// One notification as a receiver sees it: who sent it, how it was secured, and what it says.
public struct ReceivedNotification: Sendable {
    /// The sender's address and port.
    public var source: SocketAddress
    /// The local address and port it arrived on, when known (snmptrapd prints it after the sender's).
    public var localAddress: SocketAddress?
    /// The message version.
    public var version: SNMPVersion
    /// The security model that accepted it.
    public var securityModel: SecurityModelID
    /// The community (v1/v2c) or the user name (v3).
    public var securityName: OctetString
    /// The level it arrived with.
    public var securityLevel: SecurityLevel
    /// The context engine ID (v3).
    public var contextEngineID: OctetString
    /// The context name (v3).
    public var contextName: OctetString
    /// The PDU as received: a v1 Trap-PDU, an SNMPv2-Trap or an InformRequest.
    public var pdu: MessagePDU

    /// Creates a description of a received notification.
    public init(source: SocketAddress, version: SNMPVersion, securityModel: SecurityModelID,
                securityName: OctetString, securityLevel: SecurityLevel, contextEngineID: OctetString,
                contextName: OctetString, pdu: MessagePDU, localAddress: SocketAddress? = nil) {
        self.source = source
        self.localAddress = localAddress
        self.version = version
        self.securityModel = securityModel
        self.securityName = securityName
        self.securityLevel = securityLevel
        self.contextEngineID = contextEngineID
        self.contextName = contextName
        self.pdu = pdu
    }

    /// `true` for an InformRequest (which the receiver has acknowledged).
    public var isInform: Bool { pdu.type == .informRequest }

    /// The SNMPv2 form, whatever arrived (RFC 3584 §3.1 for a v1 trap); `nil` for a malformed v2 PDU.
    public var notification: SNMPNotification? {
        switch pdu {
        case .trapV1(let trap):
            return NotificationTranslation.notification(
                from: trap, community: securityModel == .v1 ? securityName : nil)
        case .pdu(let pdu):
            return SNMPNotification(pdu: pdu)
        }
    }

    /// The SNMPv1 form, whatever arrived (RFC 3584 §3.2 for a v2 notification).
    public var trapV1: TrapV1PDU? {
        switch pdu {
        case .trapV1(let trap): return trap
        case .pdu: return notification.map { NotificationTranslation.trapV1(from: $0) }
        }
    }
}
