public import SNMPSMI
public import SNMPSecurity

/// The SNMPv3 parts of a received message that an application needs to answer it (RFC 3412 §4.2.2
/// `processPdu`'s stateReference) and a command generator needs to learn the agent's engine.
public struct V3MessageDetails: Sendable {
    /// msgID.
    public var messageID: Int32
    /// msgFlags as received.
    public var flags: MessageFlags
    /// msgAuthoritativeEngineID from the security parameters.
    public var securityEngineID: OctetString
    /// msgAuthoritativeEngineBoots/Time from the security parameters.
    public var securityEngineTime: USMEngineTime
    /// USM's cache of the user and keys the message was accepted with; responses go out with it.
    public var stateReference: USMSecurityStateReference

    /// Creates the details.
    public init(messageID: Int32, flags: MessageFlags, securityEngineID: OctetString, securityEngineTime: USMEngineTime,
                stateReference: USMSecurityStateReference) {
        self.messageID = messageID
        self.flags = flags
        self.securityEngineID = securityEngineID
        self.securityEngineTime = securityEngineTime
        self.stateReference = stateReference
    }
}
