/// The dispatcher's counters from SNMPv2-MIB's snmp group and SNMP-MPD-MIB (RFC 3418 §4.1, RFC 3412 §5).
public struct DispatcherStatistics: Hashable, Sendable {
    /// snmpInPkts: messages delivered from the transport.
    public var inPackets: UInt32 = 0
    /// snmpOutPkts: messages passed to the transport.
    public var outPackets: UInt32 = 0
    /// snmpInBadVersions: messages of a version no model handles.
    public var inBadVersions: UInt32 = 0
    /// snmpInASNParseErrs: messages that did not decode.
    public var inASNParseErrors: UInt32 = 0
    /// snmpUnknownPDUHandlers: messages no application or pending request wanted (RFC 3412 §5).
    public var unknownPDUHandlers: UInt32 = 0
    /// snmpInvalidMsgs: messages whose header was inconsistent (RFC 3412 §5).
    public var invalidMessages: UInt32 = 0
    /// Requests given up after the last retry (not a MIB counter; useful to applications).
    public var timeouts: UInt32 = 0
    /// Retransmissions sent (not a MIB counter).
    public var retransmissions: UInt32 = 0

    /// Creates zeroed counters.
    public init() {}
}
