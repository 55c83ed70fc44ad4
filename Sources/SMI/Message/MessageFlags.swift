/// `msgFlags` of an SNMPv3 message (RFC 3412 §6.4): the security level and whether a Report may be sent.
///
/// ```asn1
/// msgFlags OCTET STRING (SIZE(1))  -- .... ...1 authFlag, .... ..1. privFlag, .... .1.. reportableFlag
/// ```
///
/// Unknown bits survive decoding in `rawValue`; the message processing model decides what is valid
/// (privacy without authentication is rejected there, RFC 3412 §7.2 step 5).
public struct MessageFlags: OptionSet, Hashable, Sendable {
    /// The single octet on the wire.
    public var rawValue: UInt8
    /// Creates flags from the wire octet.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The message is authenticated.
    public static let authentication = MessageFlags(rawValue: 0x01)
    /// The scopedPDU is encrypted.
    public static let privacy = MessageFlags(rawValue: 0x02)
    /// The receiver may answer with a Report PDU.
    public static let reportable = MessageFlags(rawValue: 0x04)

    /// `false` for privacy without authentication, which RFC 3412 §7.2 step 5 counts as snmpInvalidMsgs.
    public var isValidSecurityLevel: Bool {
        !contains(.privacy) || contains(.authentication)
    }
}
