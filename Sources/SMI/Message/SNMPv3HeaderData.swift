public import NIOCore

/// `msgGlobalData` of an SNMPv3 message (RFC 3412 §6).
///
/// ```asn1
/// HeaderData ::= SEQUENCE {
///     msgID            INTEGER (0..2147483647),
///     msgMaxSize       INTEGER (484..2147483647),
///     msgFlags         OCTET STRING (SIZE(1)),
///     msgSecurityModel INTEGER (1..2147483647) }
/// ```
///
/// Ranges are checked by the message processing model, not the decoder, so that it can count them
/// (snmpInASNParseErrs / snmpInvalidMsgs) where RFC 3412 §7.2 says.
public struct SNMPv3HeaderData: Hashable, Sendable {
    /// Matches a response to its request at the message level.
    public var messageID: Int32
    /// The largest message the sender can receive.
    public var maxSize: Int32
    /// Security level and reportable flag.
    public var flags: MessageFlags
    /// The security model that processes `msgSecurityParameters` (3 = USM).
    public var securityModel: Int32

    /// Creates header data.
    @inlinable
    public init(messageID: Int32, maxSize: Int32, flags: MessageFlags, securityModel: Int32) {
        self.messageID = messageID
        self.maxSize = maxSize
        self.flags = flags
        self.securityModel = securityModel
    }

    /// Decodes the SEQUENCE from the front of `buffer`.
    @inlinable
    public init(berEncoded buffer: inout ByteBuffer) throws(BERError) {
        var contents = try buffer.readBERConstructed(tag: BERTag.sequence)
        self.messageID = try contents.readBERInt32()
        self.maxSize = try contents.readBERInt32()
        let flags = try contents.readBEROctetString()
        guard flags.count == 1, let octet = flags.buffer.getInteger(at: flags.buffer.readerIndex, as: UInt8.self) else {
            throw BERError(.invalidValue, "msgFlags of \(flags.count) octets")
        }
        self.flags = MessageFlags(rawValue: octet)
        self.securityModel = try contents.readBERInt32()
        guard contents.readableBytes == 0 else { throw BERError(.trailingBytes, "after msgSecurityModel") }
    }

    /// Appends the SEQUENCE.
    @inlinable
    public func serialize(into buffer: inout ByteBuffer) {
        buffer.writeBERConstructed(tag: BERTag.sequence) { buffer in
            buffer.writeBERInteger(Int64(messageID))
            buffer.writeBERInteger(Int64(maxSize))
            buffer.writeBERHeader(tag: BERTag.octetString, length: 1)
            buffer.writeInteger(flags.rawValue)
            buffer.writeBERInteger(Int64(securityModel))
        }
    }
}
