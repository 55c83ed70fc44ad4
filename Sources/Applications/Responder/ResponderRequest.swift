public import SNMPSMI
public import SNMPSecurity
public import SNMPMessageProcessing

/// What the command responder needs to know about one received request (RFC 3413 §3.2 `processPdu`).
public struct ResponderRequest: Sendable {
    /// The Get, GetNext, GetBulk or Set PDU.
    public var pdu: PDU
    /// The message version: SNMPv1 answers use RFC 3584 §4.4's error mapping.
    public var version: SNMPVersion
    /// The security model that accepted the message.
    public var securityModel: SecurityModelID
    /// The security name (user name, or the community's security name).
    public var securityName: String
    /// The level the message was authenticated and encrypted at.
    public var securityLevel: SecurityLevel
    /// The context name.
    public var contextName: String
    /// The largest encoded Response-PDU (the whole PDU TLV, in octets) the requester accepts.
    public var maximumResponseSize: Int

    /// Creates a request.
    public init(pdu: PDU, version: SNMPVersion, securityModel: SecurityModelID, securityName: String,
                securityLevel: SecurityLevel, contextName: String = "", maximumResponseSize: Int) {
        self.pdu = pdu
        self.version = version
        self.securityModel = securityModel
        self.securityName = securityName
        self.securityLevel = securityLevel
        self.contextName = contextName
        self.maximumResponseSize = maximumResponseSize
    }

    /// A v1/v2c request whose community was found in the community table (RFC 3584 §5.2.1): security
    /// name and context come from the entry; the response must fit `message.maxSize` with the
    /// message wrapper around it. `nil` when the message carries no request PDU.
    public init?(message: IncomingMessage, community entry: CommunityEntry) {
        guard case .pdu(let pdu) = message.pdu else { return nil }
        self.init(pdu: pdu, version: message.version, securityModel: message.securityModel,
                  securityName: entry.securityName, securityLevel: message.securityLevel,
                  contextName: entry.contextName,
                  maximumResponseSize: Self.communityPDULimit(messageMaxSize: message.maxSize,
                                                              community: entry.community))
    }

    /// The room for the PDU in a v1/v2c message of at most `messageMaxSize` octets:
    /// `SEQUENCE { version INTEGER, community OCTET STRING, pdu }`.
    public static func communityPDULimit(messageMaxSize: Int, community: OctetString) -> Int {
        // Outer SEQUENCE header (up to 4 octets for lengths below 16 MB), version (3), community TLV.
        let communityTLV = 1 + lengthOctets(community.count) + community.count
        return messageMaxSize - 4 - 3 - communityTLV
    }

    static func lengthOctets(_ length: Int) -> Int {
        length < 0x80 ? 1 : length <= 0xFF ? 2 : length <= 0xFFFF ? 3 : 4
    }
}

/// What to do with a processed request.
public enum ResponderOutcome: Hashable, Sendable {
    /// Send this Response-PDU.
    case response(PDU)
    /// RFC 3413 §3.2: the context is unknown and snmpUnknownContexts was incremented. An SNMPv3 message
    /// processing model answers a reportable request with a Report carrying snmpUnknownContexts.0
    /// (RFC 3412 §7.1 step 3); for v1/v2c nothing is sent.
    case unknownContext(counter: UInt32)
    /// Send nothing (not a request this application handles, or a tooBig answer that still did not fit).
    case drop
}

/// Counters the responder keeps (SNMP-MPD-MIB / SNMPv2-MIB / SNMP-TARGET-MIB objects).
public struct ResponderStatistics: Hashable, Sendable {
    /// snmpUnknownContexts (RFC 3413): requests for a context VACM does not know.
    public var unknownContexts: UInt32 = 0
    /// snmpSilentDrops (RFC 3418): responses dropped because even the tooBig answer did not fit.
    public var silentDrops: UInt32 = 0
    /// Requests refused with authorizationError (for logging; not an RFC counter).
    public var authorizationErrors: UInt32 = 0
    /// Responses answered with tooBig (snmpOutTooBigs).
    public var tooBigs: UInt32 = 0

    /// All zero.
    public init() {}
}
