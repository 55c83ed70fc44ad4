public import NIOCore

/// An SNMPv1 (RFC 1157) or SNMPv2c (RFC 1901) message.
///
/// ```asn1
/// Message ::= SEQUENCE { version INTEGER { version-1(0), version-2c(1) },
///                        community OCTET STRING, data ANY }
/// ```
///
/// ```swift
/// let message = CommunityMessage(version: .v2c, community: "public",
///                                pdu: .pdu(PDU(type: .getRequest, requestID: 7, varBinds: [VarBind("1.3.6.1.2.1.1.1.0")])))
/// var bytes = ByteBuffer()
/// message.serialize(into: &bytes)
/// let decoded = try CommunityMessage(berEncoded: bytes)
/// ```
public struct CommunityMessage: Hashable, Sendable {
    /// `.v1` or `.v2c`.
    public var version: SNMPVersion
    /// The community string.
    public var community: OctetString
    /// The PDU.
    public var pdu: MessagePDU

    /// Creates a message.
    @inlinable
    public init(version: SNMPVersion, community: OctetString, pdu: MessagePDU) {
        self.version = version
        self.community = community
        self.pdu = pdu
    }

    /// Decodes a whole message; bytes after it are an error.
    @inlinable
    public init(berEncoded bytes: ByteBuffer) throws(BERError) {
        var buffer = bytes
        var message = try buffer.readBERConstructed(tag: BERTag.sequence)
        guard buffer.readableBytes == 0 else { throw BERError(.trailingBytes, "after Message") }
        self.version = SNMPVersion(rawValue: try message.readBERInt32())
        self.community = try message.readBEROctetString()
        self.pdu = try MessagePDU(berEncoded: &message)
        guard message.readableBytes == 0 else { throw BERError(.trailingBytes, "after PDU") }
    }

    /// Appends the message's BER encoding to `buffer`.
    @inlinable
    public func serialize(into buffer: inout ByteBuffer) {
        buffer.writeBERConstructed(tag: BERTag.sequence) { buffer in
            buffer.writeBERInteger(Int64(version.rawValue))
            buffer.writeBEROctetString(community)
            pdu.serialize(into: &buffer)
        }
    }

    /// The `version` field of any SNMP message, read without decoding the rest; `nil` when the bytes do
    /// not start like an SNMP message. The dispatcher uses it to choose the message processing model.
    public static func peekVersion(_ bytes: ByteBuffer) -> SNMPVersion? {
        var buffer = bytes
        guard (try? buffer.readBERHeader(expecting: BERTag.sequence)) != nil,
              let version = try? buffer.readBERInt32() else { return nil }
        return SNMPVersion(rawValue: version)
    }
}
