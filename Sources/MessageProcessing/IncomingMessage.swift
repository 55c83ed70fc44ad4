public import SNMPSMI
import SNMPSecurity

/// What message processing hands the dispatcher for one received message
/// (the output of `prepareDataElements`, RFC 3412 §4.2.1 / RFC 3411 §4.2.1).
public struct IncomingMessage: Sendable {
    /// The message's version.
    public var version: SNMPVersion
    /// The security model that accepted it.
    public var securityModel: SecurityModelID
    /// The security name: the community for v1/v2c, the user name for USM.
    public var securityName: OctetString
    /// The security level the message arrived with.
    public var securityLevel: SecurityLevel
    /// The authoritative context engine ID (empty for v1/v2c).
    public var contextEngineID: OctetString
    /// The context name (empty for v1/v2c).
    public var contextName: OctetString
    /// The PDU.
    public var pdu: MessagePDU
    /// The largest message the sender accepts (v3 msgMaxSize; 65,507 for UDP v1/v2c).
    public var maxSize: Int
    /// The key that matches a response to its request: the request-id for v1/v2c, the msgID for v3.
    public var matchingID: Int32
    /// SNMPv3 only: what is needed to answer the message and to learn the sender's engine.
    public var v3: V3MessageDetails?

    /// Creates a description of an incoming message.
    public init(version: SNMPVersion, securityModel: SecurityModelID, securityName: OctetString,
                securityLevel: SecurityLevel, contextEngineID: OctetString = OctetString([UInt8]()),
                contextName: OctetString = OctetString([UInt8]()), pdu: MessagePDU, maxSize: Int, matchingID: Int32,
                v3: V3MessageDetails? = nil) {
        self.version = version
        self.securityModel = securityModel
        self.securityName = securityName
        self.securityLevel = securityLevel
        self.contextEngineID = contextEngineID
        self.contextName = contextName
        self.pdu = pdu
        self.maxSize = maxSize
        self.matchingID = matchingID
        self.v3 = v3
    }
}
