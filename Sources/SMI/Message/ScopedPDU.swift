public import NIOCore

/// The scoped PDU of an SNMPv3 message (RFC 3412 §6.8): a PDU with the context it addresses.
///
/// ```asn1
/// ScopedPDU ::= SEQUENCE { contextEngineID OCTET STRING, contextName OCTET STRING, data ANY }
/// ```
///
/// ```swift
/// let scoped = ScopedPDU(contextEngineID: engineID, contextName: "",
///                        pdu: PDU(type: .getRequest, requestID: 1, varBinds: [VarBind("1.3.6.1.2.1.1.1.0")]))
/// ```
public struct ScopedPDU: Hashable, Sendable {
    /// The engine that holds the context (usually the authoritative engine).
    public var contextEngineID: OctetString
    /// The context within that engine; empty for the default context.
    public var contextName: OctetString
    /// The PDU (never an SNMPv1 Trap in SNMPv3).
    public var pdu: PDU

    /// Creates a scoped PDU.
    @inlinable
    public init(contextEngineID: OctetString, contextName: OctetString, pdu: PDU) {
        self.contextEngineID = contextEngineID
        self.contextName = contextName
        self.pdu = pdu
    }

    /// Decodes one ScopedPDU from the front of `buffer`, leaving what follows it.
    ///
    /// Bytes after it are not an error here: a decrypted DES scopedPDU carries block padding
    /// (RFC 3414 §8.3.2), and the caller decides what trailing bytes mean.
    @inlinable
    public init(berEncoded buffer: inout ByteBuffer) throws(BERError) {
        var contents = try buffer.readBERConstructed(tag: BERTag.sequence)
        self.contextEngineID = try contents.readBEROctetString()
        self.contextName = try contents.readBEROctetString()
        self.pdu = try PDU(berEncoded: &contents)
        guard contents.readableBytes == 0 else { throw BERError(.trailingBytes, "after ScopedPDU data") }
    }

    /// Appends the SEQUENCE.
    @inlinable
    public func serialize(into buffer: inout ByteBuffer) {
        buffer.writeBERConstructed(tag: BERTag.sequence) { buffer in
            buffer.writeBEROctetString(contextEngineID)
            buffer.writeBEROctetString(contextName)
            pdu.serialize(into: &buffer)
        }
    }
}
