public import NIOCore

/// An SNMPv3 message (RFC 3412 §6).
///
/// ```asn1
/// SNMPv3Message ::= SEQUENCE {
///     msgVersion            INTEGER (0..2147483647),   -- 3
///     msgGlobalData         HeaderData,
///     msgSecurityParameters OCTET STRING,              -- defined by the security model
///     msgData               ScopedPduData }
/// ScopedPduData ::= CHOICE { plaintext ScopedPDU, encryptedPDU OCTET STRING }
/// ```
///
/// The security model needs to find its own bytes inside the whole encoded message, to compute and
/// patch the HMAC in place (RFC 3414 §3.1 step 7) or to check it (§3.2 step 6). Both
/// ``serialize(into:)`` and ``decode(_:)`` therefore report a ``WireLayout``.
///
/// ```swift
/// var bytes = ByteBuffer()
/// let layout = message.serialize(into: &bytes)
/// // bytes[layout.securityParameters] are the msgSecurityParameters contents.
/// let (decoded, sameLayout) = try SNMPv3Message.decode(bytes)
/// ```
public struct SNMPv3Message: Hashable, Sendable {
    /// `msgData`: the scoped PDU in clear, or encrypted by the security model.
    public enum ScopedPDUData: Hashable, Sendable {
        /// `plaintext ScopedPDU`.
        case plaintext(ScopedPDU)
        /// `encryptedPDU OCTET STRING`.
        case encrypted(OctetString)
    }

    /// Where the security parameters sit in an encoded message, as reader-relative byte offsets
    /// (0 = the message's first octet).
    public struct WireLayout: Hashable, Sendable {
        /// The contents octets of `msgSecurityParameters`.
        public var securityParameters: Range<Int>
        /// The whole message.
        public var message: Range<Int>

        /// Creates a layout.
        public init(securityParameters: Range<Int>, message: Range<Int>) {
            self.securityParameters = securityParameters
            self.message = message
        }
    }

    /// `msgVersion`; 3 for messages this type creates.
    public var version: SNMPVersion
    /// `msgGlobalData`.
    public var headerData: SNMPv3HeaderData
    /// `msgSecurityParameters`, opaque to the message processing model.
    public var securityParameters: OctetString
    /// `msgData`.
    public var data: ScopedPDUData

    /// Creates a message.
    @inlinable
    public init(version: SNMPVersion = .v3, headerData: SNMPv3HeaderData, securityParameters: OctetString,
                data: ScopedPDUData) {
        self.version = version
        self.headerData = headerData
        self.securityParameters = securityParameters
        self.data = data
    }

    /// Decodes a whole message; bytes after it are an error.
    @inlinable
    public init(berEncoded bytes: ByteBuffer) throws(BERError) {
        self = try Self.decode(bytes).message
    }

    /// Decodes a whole message and reports where its security parameters are.
    public static func decode(_ bytes: ByteBuffer) throws(BERError) -> (message: SNMPv3Message, layout: WireLayout) {
        var buffer = bytes
        let base = buffer.readerIndex
        var contents = try buffer.readBERConstructed(tag: BERTag.sequence)
        guard buffer.readableBytes == 0 else { throw BERError(.trailingBytes, "after SNMPv3Message") }
        let contentsStart = buffer.readerIndex - base - contents.readableBytes
        let contentsReaderStart = contents.readerIndex
        let version = SNMPVersion(rawValue: try contents.readBERInt32())
        let headerData = try SNMPv3HeaderData(berEncoded: &contents)
        let parametersLength = try contents.readBERHeader(expecting: BERTag.octetString)
        let parametersStart = contentsStart + (contents.readerIndex - contentsReaderStart)
        let parameters = OctetString(buffer: contents.readSlice(length: parametersLength) ?? ByteBuffer())
        let data: ScopedPDUData
        switch contents.getInteger(at: contents.readerIndex, as: UInt8.self) {
        case BERTag.sequence:
            data = .plaintext(try ScopedPDU(berEncoded: &contents))
        case BERTag.octetString:
            data = .encrypted(try contents.readBEROctetString())
        case .none:
            throw BERError(.truncated, "missing msgData")
        case .some(let tag):
            throw BERError(.unexpectedTag, "msgData tag 0x\(String(tag, radix: 16))")
        }
        guard contents.readableBytes == 0 else { throw BERError(.trailingBytes, "after msgData") }
        let message = SNMPv3Message(version: version, headerData: headerData, securityParameters: parameters, data: data)
        let layout = WireLayout(securityParameters: parametersStart..<(parametersStart + parametersLength),
                                message: 0..<(buffer.readerIndex - base))
        return (message, layout)
    }

    /// Appends the message's BER encoding and returns where its security parameters landed, relative to
    /// the writer index on entry.
    @discardableResult
    public func serialize(into buffer: inout ByteBuffer) -> WireLayout {
        let start = buffer.writerIndex
        var parametersOffset = 0
        buffer.writeBERConstructed(tag: BERTag.sequence) { buffer in
            let contentsStart = buffer.writerIndex
            buffer.writeBERInteger(Int64(version.rawValue))
            headerData.serialize(into: &buffer)
            buffer.writeBERHeader(tag: BERTag.octetString, length: securityParameters.count)
            parametersOffset = buffer.writerIndex - contentsStart
            var parameters = securityParameters.buffer
            buffer.writeBuffer(&parameters)
            switch data {
            case .plaintext(let scoped): scoped.serialize(into: &buffer)
            case .encrypted(let octets): buffer.writeBEROctetString(octets)
            }
        }
        // The outer length was patched after the contents were written and may have grown to the long
        // form, shifting everything inside; read back how long the header ended up.
        let firstLengthOctet = buffer.getInteger(at: start + 1, as: UInt8.self) ?? 0
        let headerLength = firstLengthOctet < 0x80 ? 2 : 2 + Int(firstLengthOctet & 0x7F)
        let parametersStart = headerLength + parametersOffset
        return WireLayout(securityParameters: parametersStart..<(parametersStart + securityParameters.count),
                          message: 0..<(buffer.writerIndex - start))
    }
}
