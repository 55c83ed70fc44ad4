import NIOCore
import SNMPSMI
import Testing

/// Community-based messages: SEQUENCE { version INTEGER, community OCTET STRING, data } (RFC 1157 §4,
/// RFC 1901 §3).
@Suite struct CommunityMessageTests {
    struct MessageVector: Sendable, CustomTestStringConvertible {
        let message: CommunityMessage
        let hex: String
        let source: String
        var testDescription: String { "v\(message.version) \(message.pdu.type) [\(source)]" }
    }

    static let getSysDescr = PDU(type: .getRequest, requestID: 1, varBinds: [VarBind("1.3.6.1.2.1.1.1.0")])
    static let getSysDescrHex = "a0 19 02 01 01 02 01 00 02 01 00 30 0e 30 0c 06 08 2b 06 01 02 01 01 01 00 05 00"

    static let vectors: [MessageVector] = [
        MessageVector(
            message: CommunityMessage(version: .v1, community: "public", pdu: .pdu(getSysDescr)),
            hex: "30 26 02 01 00 04 06 70 75 62 6c 69 63 " + getSysDescrHex,
            source: "RFC 1157 §4: version-1(0); content 3 + 8 + 27 = 38 = 0x26"),
        MessageVector(
            message: CommunityMessage(version: .v2c, community: "public", pdu: .pdu(getSysDescr)),
            hex: "30 26 02 01 01 04 06 70 75 62 6c 69 63 " + getSysDescrHex,
            source: "RFC 1901 §3: version-2c(1)"),
        MessageVector(
            message: CommunityMessage(version: .v2c, community: OctetString([]), pdu: .pdu(getSysDescr)),
            hex: "30 20 02 01 01 04 00 " + getSysDescrHex,
            source: "RFC 1901: empty community is a valid OCTET STRING"),
        MessageVector(
            message: CommunityMessage(version: .v1, community: "public", pdu: .trapV1(TrapV1PDUTests.enterpriseSpecific)),
            hex: "30 3e 02 01 00 04 06 70 75 62 6c 69 63 " + TrapV1PDUTests.enterpriseSpecificHex,
            source: "RFC 1157 §4.1.6 Trap-PDU in a v1 message; content 3 + 8 + 51 = 62"),
        MessageVector(
            message: CommunityMessage(version: .v2c, community: "private", pdu: .pdu(PDU(
                type: .trapV2, requestID: 7, varBinds: [
                    VarBind("1.3.6.1.2.1.1.3.0", .timeTicks(12_345)),
                    VarBind("1.3.6.1.6.3.1.1.4.1.0", .objectIdentifier("1.3.6.1.6.3.1.1.5.3")),
                ]))),
            hex: """
                30 42 02 01 01 04 07 70 72 69 76 61 74 65
                a7 34  02 01 07  02 01 00  02 01 00
                30 29  30 0e 06 08 2b 06 01 02 01 01 03 00 43 02 30 39
                       30 17 06 0a 2b 06 01 06 03 01 01 04 01 00 06 09 2b 06 01 06 03 01 01 05 03
                """,
            source: "RFC 1901 + RFC 3416 §4.2.6 SNMPv2-Trap; content 3 + 9 + 54 = 66 = 0x42"),
    ]

    @Test(arguments: vectors)
    func goldenEncodingAndDecoding(_ vector: MessageVector) throws {
        var encoded = ByteBuffer()
        vector.message.serialize(into: &encoded)
        #expect(Hex.string(encoded) == Hex.normalized(vector.hex), "encode: \(vector.source)")
        #expect(try CommunityMessage(berEncoded: Hex.buffer(vector.hex)) == vector.message, "decode: \(vector.source)")
        #expect(CommunityMessage.peekVersion(Hex.buffer(vector.hex)) == vector.message.version)
    }

    /// A 200-byte community pushes the community and the message into the long length form
    /// (X.690 §8.1.3.5): content 3 + (3 + 200) + 27 = 233 = 0xe9.
    @Test func longCommunityUsesLongForm() throws {
        let community = OctetString([UInt8](repeating: 0x61, count: 200))
        let message = CommunityMessage(version: .v2c, community: community, pdu: .pdu(Self.getSysDescr))
        var encoded = ByteBuffer()
        message.serialize(into: &encoded)
        #expect(Hex.string(encoded) == "3081e9" + "020101" + "0481c8" + String(repeating: "61", count: 200)
                + Hex.normalized(Self.getSysDescrHex))
        #expect(try CommunityMessage(berEncoded: encoded) == message)
    }

    /// The bench README's GET: snmpget writes a 4-octet request-id (02 04 00 00 00 01), not minimal.
    @Test func nonMinimalRequestIDIsRead() throws {
        let hex = "302902010104067075626c6963a01c020400000001020100020100300e300c06082b060102010101000500"
        let message = try CommunityMessage(berEncoded: Hex.buffer(hex))
        #expect(message == CommunityMessage(version: .v2c, community: "public", pdu: .pdu(Self.getSysDescr)))
    }

    static let malformed: [MalformedVector] = [
        MalformedVector("30 26 02 01 01 04 06 70 75 62 6c 69 63 " + getSysDescrHex + " 00", .trailingBytes,
                        "RFC 3417 §8: one message per datagram; a trailing octet"),
        MalformedVector("30 28 02 01 01 04 06 70 75 62 6c 69 63 " + getSysDescrHex + " 05 00", .trailingBytes,
                        "a TLV after the PDU inside the message"),
        MalformedVector("31 26 02 01 01 04 06 70 75 62 6c 69 63 " + getSysDescrHex, .unexpectedTag,
                        "SET instead of SEQUENCE"),
        MalformedVector("a0 26 02 01 01 04 06 70 75 62 6c 69 63 " + getSysDescrHex, .unexpectedTag,
                        "a PDU tag where the message SEQUENCE belongs"),
        MalformedVector("30 26 04 01 01 04 06 70 75 62 6c 69 63 " + getSysDescrHex, .unexpectedTag,
                        "version must be INTEGER"),
        MalformedVector("30 26 02 01 01 06 06 70 75 62 6c 69 63 " + getSysDescrHex, .unexpectedTag,
                        "community must be OCTET STRING"),
        MalformedVector("30 26 02 01 01 04 06 70 75 62 6c 69 63 a9" + getSysDescrHex.dropFirst(2), .unexpectedTag,
                        "PDU tag 0xA9"),
        MalformedVector("30 26 02 01 01 04 06 70 75 62 6c 69 63 bf" + getSysDescrHex.dropFirst(2), .unsupportedTag,
                        "PDU tag 0xBF: high tag number form"),
        MalformedVector("30 0b 02 01 01 04 06 70 75 62 6c 69 63", .truncated, "no PDU"),
        MalformedVector("30 27 02 01 01 04 06 70 75 62 6c 69 63 " + getSysDescrHex, .truncated,
                        "outer length one more than what follows"),
        MalformedVector("30 85 00 00 00 00 26", .invalidLength, "five length octets"),
        MalformedVector("30 80 02 01 01 00 00", .invalidLength, "indefinite length"),
        MalformedVector("", .truncated, "empty datagram"),
    ]

    @Test(arguments: malformed)
    func malformedMessages(_ vector: MalformedVector) {
        #expect(throws: BERError(vector.code), "\(vector.source)") {
            try CommunityMessage(berEncoded: Hex.buffer(vector.hex))
        }
    }

    @Test func peekVersionReadsOnlyTheHeader() {
        #expect(CommunityMessage.peekVersion(Hex.buffer("30 03 02 01 03")) == .v3)
        #expect(CommunityMessage.peekVersion(Hex.buffer("30 03 02 01 00")) == .v1)
        #expect(CommunityMessage.peekVersion(Hex.buffer("04 03 02 01 00")) == nil)
        #expect(CommunityMessage.peekVersion(Hex.buffer("30 05 02 01 00")) == nil)
        #expect(CommunityMessage.peekVersion(Hex.buffer("")) == nil)
    }
}
