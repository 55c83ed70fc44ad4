public import NIOCore
public import SNMPSMI

/// The parameters of RFC 3411 §4.1.1 `sendPdu`: everything the dispatcher needs to have a PDU sent by the
/// right message processing model, with the right security, to the right place. Applications fill it in;
/// they never build a message themselves.
///
/// ```swift
/// let outgoing = OutgoingPDU(destination: address, messageProcessingModel: .v2c, securityModel: .v2c,
///                            securityName: "public", securityLevel: .noAuthNoPriv, pdu: .pdu(get))
/// let response = try await dispatcher.sendPDU(outgoing, expectResponse: true).get()
/// ```
public struct OutgoingPDU: Sendable {
    /// transportDomain + transportAddress: where the message goes.
    public var destination: SocketAddress
    /// messageProcessingModel: SNMPv1, SNMPv2c or SNMPv3.
    public var messageProcessingModel: SNMPVersion
    /// securityModel: the community-based models for v1/v2c, USM for v3.
    public var securityModel: SecurityModelID
    /// securityName: the community for v1/v2c, the USM user name for v3.
    public var securityName: OctetString
    /// securityLevel (noAuthNoPriv for v1/v2c).
    public var securityLevel: SecurityLevel
    /// contextEngineID of the scoped PDU (v3); `nil` uses the authoritative engine's ID, the usual case.
    public var contextEngineID: OctetString?
    /// contextName of the scoped PDU (v3).
    public var contextName: OctetString
    /// The agent's snmpEngineID when known beforehand (v3): no discovery round trip.
    public var securityEngineID: OctetString?
    /// The PDU. For a confirmed-class PDU the dispatcher replaces the request-id with its own.
    public var pdu: MessagePDU
    /// How long each attempt waits for the response.
    public var timeout: TimeAmount
    /// How many times the request is retransmitted before it fails with a timeout.
    public var retries: Int
    /// The wait of each attempt in turn, when a command generator computes its own schedule (adaptive
    /// timeouts, back-off); `nil` waits ``timeout`` for each of `retries + 1` attempts.
    public var waits: [TimeAmount]?

    /// The wait of each attempt: ``waits``, or ``timeout`` `retries + 1` times; never empty.
    public var attemptWaits: [TimeAmount] {
        if let waits, !waits.isEmpty { return waits }
        return Array(repeating: timeout, count: max(0, retries) + 1)
    }

    /// Creates the parameters.
    public init(destination: SocketAddress, messageProcessingModel: SNMPVersion, securityModel: SecurityModelID,
                securityName: OctetString, securityLevel: SecurityLevel, contextEngineID: OctetString? = nil,
                contextName: OctetString = OctetString([UInt8]()), securityEngineID: OctetString? = nil,
                pdu: MessagePDU, timeout: TimeAmount = .seconds(1), retries: Int = 5) {
        self.destination = destination
        self.messageProcessingModel = messageProcessingModel
        self.securityModel = securityModel
        self.securityName = securityName
        self.securityLevel = securityLevel
        self.contextEngineID = contextEngineID
        self.contextName = contextName
        self.securityEngineID = securityEngineID
        self.pdu = pdu
        self.timeout = timeout
        self.retries = retries
    }
}
