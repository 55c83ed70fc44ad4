public import NIOCore
public import SNMPSMI

/// The USM's `msgSecurityParameters` (RFC 3414 §2.4), carried BER-encoded inside the message's OCTET STRING.
///
/// ```asn1
/// UsmSecurityParameters ::= SEQUENCE {
///     msgAuthoritativeEngineID     OCTET STRING,
///     msgAuthoritativeEngineBoots  INTEGER (0..2147483647),
///     msgAuthoritativeEngineTime   INTEGER (0..2147483647),
///     msgUserName                  OCTET STRING (SIZE(0..32)),
///     msgAuthenticationParameters  OCTET STRING,
///     msgPrivacyParameters         OCTET STRING }
/// ```
///
/// Both directions report where `msgAuthenticationParameters`' contents are, so the HMAC can be patched in
/// or zeroed for checking without re-encoding anything.
public struct UsmSecurityParameters: Hashable, Sendable {
    /// The authoritative engine's snmpEngineID.
    public var authoritativeEngineID: OctetString
    /// Its snmpEngineBoots.
    public var authoritativeEngineBoots: Int32
    /// Its snmpEngineTime.
    public var authoritativeEngineTime: Int32
    /// The user (principal) on whose behalf the message is sent.
    public var userName: OctetString
    /// The truncated HMAC, or empty without authentication.
    public var authenticationParameters: OctetString
    /// The salt, or empty without privacy.
    public var privacyParameters: OctetString

    /// The longest msgUserName RFC 3414 allows.
    public static let maximumUserNameLength = 32

    /// Creates parameters.
    public init(authoritativeEngineID: OctetString, authoritativeEngineBoots: Int32, authoritativeEngineTime: Int32,
                userName: OctetString, authenticationParameters: OctetString, privacyParameters: OctetString) {
        self.authoritativeEngineID = authoritativeEngineID
        self.authoritativeEngineBoots = authoritativeEngineBoots
        self.authoritativeEngineTime = authoritativeEngineTime
        self.userName = userName
        self.authenticationParameters = authenticationParameters
        self.privacyParameters = privacyParameters
    }

    /// Decodes the whole of `bytes` (the contents of msgSecurityParameters).
    public init(berEncoded bytes: ByteBuffer) throws(BERError) {
        self = try Self.decode(bytes).parameters
    }

    /// Decodes the whole of `bytes` and reports where the authentication parameters' contents are,
    /// relative to the first byte of `bytes`.
    public static func decode(
        _ bytes: ByteBuffer
    ) throws(BERError) -> (parameters: UsmSecurityParameters, authenticationParameters: Range<Int>) {
        var buffer = bytes
        let base = buffer.readerIndex
        var contents = try buffer.readBERConstructed(tag: BERTag.sequence)
        guard buffer.readableBytes == 0 else { throw BERError(.trailingBytes, "after UsmSecurityParameters") }
        let contentsStart = buffer.readerIndex - base - contents.readableBytes
        let contentsReaderStart = contents.readerIndex
        let engineID = try contents.readBEROctetString()
        let boots = try contents.readBERInt32()
        let time = try contents.readBERInt32()
        guard boots >= 0, time >= 0 else { throw BERError(.invalidValue, "negative engine boots or time") }
        let userName = try contents.readBEROctetString()
        guard userName.count <= maximumUserNameLength else {
            throw BERError(.invalidValue, "msgUserName of \(userName.count) octets")
        }
        let authLength = try contents.readBERHeader(expecting: BERTag.octetString)
        let authStart = contentsStart + (contents.readerIndex - contentsReaderStart)
        let auth = OctetString(buffer: contents.readSlice(length: authLength) ?? ByteBuffer())
        let priv = try contents.readBEROctetString()
        guard contents.readableBytes == 0 else { throw BERError(.trailingBytes, "after msgPrivacyParameters") }
        let parameters = UsmSecurityParameters(
            authoritativeEngineID: engineID, authoritativeEngineBoots: boots, authoritativeEngineTime: time,
            userName: userName, authenticationParameters: auth, privacyParameters: priv)
        return (parameters, authStart..<(authStart + authLength))
    }

    /// Appends the SEQUENCE and returns where the authentication parameters' contents landed, relative to
    /// the writer index on entry.
    @discardableResult
    public func serialize(into buffer: inout ByteBuffer) -> Range<Int> {
        let start = buffer.writerIndex
        var authOffset = 0
        buffer.writeBERConstructed(tag: BERTag.sequence) { buffer in
            let contentsStart = buffer.writerIndex
            buffer.writeBEROctetString(authoritativeEngineID)
            buffer.writeBERInteger(Int64(authoritativeEngineBoots))
            buffer.writeBERInteger(Int64(authoritativeEngineTime))
            buffer.writeBEROctetString(userName)
            buffer.writeBERHeader(tag: BERTag.octetString, length: authenticationParameters.count)
            authOffset = buffer.writerIndex - contentsStart
            var auth = authenticationParameters.buffer
            buffer.writeBuffer(&auth)
            buffer.writeBEROctetString(privacyParameters)
        }
        // The SEQUENCE length may have moved to the long form after the contents were written.
        let firstLengthOctet = buffer.getInteger(at: start + 1, as: UInt8.self) ?? 0
        let headerLength = firstLengthOctet < 0x80 ? 2 : 2 + Int(firstLengthOctet & 0x7F)
        let authStart = headerLength + authOffset
        return authStart..<(authStart + authenticationParameters.count)
    }
}
