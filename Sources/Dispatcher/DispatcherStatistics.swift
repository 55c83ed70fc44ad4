/// The counters the dispatcher owns (RFC 3412 §4.2.1 and §4.2.2): SNMPv2-MIB's snmp group (RFC 3418) and
/// snmpUnknownPDUHandlers (SNMP-MPD-MIB). snmpInvalidMsgs and snmpUnknownSecurityModels belong to the v3
/// message processing model (`V3Statistics`), usmStats to USM: each counter has one owner
/// (ARCHITECTURE.md, "Counters").
public struct DispatcherStatistics: Hashable, Sendable {
    /// snmpInPkts: messages delivered from the transport.
    public var inPackets: UInt32 = 0
    /// snmpOutPkts: messages passed to the transport.
    public var outPackets: UInt32 = 0
    /// snmpInBadVersions: messages of a version no model handles.
    public var inBadVersions: UInt32 = 0
    /// snmpInASNParseErrs: messages that did not decode.
    public var inASNParseErrors: UInt32 = 0
    /// snmpUnknownPDUHandlers: PDUs no application is registered for (RFC 3412 §4.2.2.1 step 2), and
    /// responses that answer no outstanding request of this engine.
    public var unknownPDUHandlers: UInt32 = 0
    /// Requests given up after the last retry (not a MIB counter; useful to applications).
    public var timeouts: UInt32 = 0
    /// Retransmissions sent (not a MIB counter).
    public var retransmissions: UInt32 = 0

    /// Creates zeroed counters.
    public init() {}
}
