/// The single-octet BER tags SNMP uses (X.690, RFC 2578 §7.1, RFC 3416 §3).
public enum BERTag {
    /// INTEGER (universal 2): Integer32 and enumerations.
    public static let integer: UInt8 = 0x02
    /// OCTET STRING (universal 4).
    public static let octetString: UInt8 = 0x04
    /// NULL (universal 5): the value placeholder of a request's varbinds.
    public static let null: UInt8 = 0x05
    /// OBJECT IDENTIFIER (universal 6).
    public static let objectIdentifier: UInt8 = 0x06
    /// SEQUENCE, constructed (universal 16): messages, varbinds and varbind lists.
    public static let sequence: UInt8 = 0x30
    /// IpAddress ([APPLICATION 0], RFC 2578 §7.1.5): four octets, network order.
    public static let ipAddress: UInt8 = 0x40
    /// Counter32 ([APPLICATION 1]).
    public static let counter32: UInt8 = 0x41
    /// Gauge32 and Unsigned32 ([APPLICATION 2]), which share one encoding.
    public static let gauge32: UInt8 = 0x42
    /// TimeTicks ([APPLICATION 3]): hundredths of a second.
    public static let timeTicks: UInt8 = 0x43
    /// Opaque ([APPLICATION 4]): a BER encoding wrapped in an OCTET STRING.
    public static let opaque: UInt8 = 0x44
    /// NsapAddress ([APPLICATION 5]): obsolete (RFC 1442); decoded as ``SNMPValue/unknown(tag:contents:)``.
    public static let nsapAddress: UInt8 = 0x45
    /// Counter64 ([APPLICATION 6]): SNMPv2 and later only.
    public static let counter64: UInt8 = 0x46
    /// UInteger32 ([APPLICATION 7]): obsolete (RFC 1442); decoded as ``SNMPValue/unknown(tag:contents:)``.
    public static let uInteger32: UInt8 = 0x47
    /// The noSuchObject exception ([CONTEXT 0] NULL, RFC 3416 §3): the object is not in the agent's MIB.
    public static let noSuchObject: UInt8 = 0x80
    /// The noSuchInstance exception ([CONTEXT 1] NULL): the object exists, this instance does not.
    public static let noSuchInstance: UInt8 = 0x81
    /// The endOfMibView exception ([CONTEXT 2] NULL): no object follows in the MIB view.
    public static let endOfMibView: UInt8 = 0x82
}
