import NIOCore
import SNMPSMI
import Testing

/// OBJECT IDENTIFIER contents (X.690 §8.19): base-128 sub-identifiers, the first two arcs combined as
/// 40 * X + Y; SNMP limits: arcs 0...2^32-1, at most 128 arcs (RFC 2578 §3.5), at least two on the wire.
@Suite struct BERObjectIdentifierTests {
    static func oid(_ arcs: [UInt32]) -> SNMPValue { .objectIdentifier(ObjectIdentifier(arcs)) }

    static let golden: [ValueVector] = [
        // Arc sizes around every base-128 octet boundary, after the prefix 1.3 (0x2b).
        ValueVector(oid([1, 3, 0]), "06 02 2b 00", "X.690 §8.19.2: arc 0"),
        ValueVector(oid([1, 3, 127]), "06 02 2b 7f", "X.690 §8.19.2: largest one-octet arc"),
        ValueVector(oid([1, 3, 128]), "06 03 2b 81 00", "X.690 §8.19.2: 128 = 1*128 + 0"),
        ValueVector(oid([1, 3, 16383]), "06 03 2b ff 7f", "X.690 §8.19.2: 2^14-1, largest two-octet arc"),
        ValueVector(oid([1, 3, 16384]), "06 04 2b 81 80 00", "X.690 §8.19.2: 2^14"),
        ValueVector(oid([1, 3, 268_435_455]), "06 05 2b ff ff ff 7f", "X.690 §8.19.2: 2^28-1, four octets"),
        ValueVector(oid([1, 3, 268_435_456]), "06 06 2b 81 80 80 80 00", "X.690 §8.19.2: 2^28, five octets"),
        ValueVector(oid([1, 3, 4_294_967_295]), "06 06 2b 8f ff ff ff 7f", "RFC 2578 §3.5: 2^32-1, the largest arc"),
        ValueVector(oid([1, 3, 6, 1, 4, 1, 8072, 9999, 1, 1, 0]), "06 0c 2b 06 01 04 01 bf 08 ce 0f 01 01 00",
                    "Net-SNMP snmpget -d dump of netSnmpPlaypen.1.1.0 (8072 = bf 08, 9999 = ce 0f)"),
        // The first two arcs (X.690 §8.19.4).
        ValueVector(oid([0, 0]), "06 01 00", "X.690 §8.19.4: 0*40+0"),
        ValueVector(oid([0, 39]), "06 01 27", "X.690 §8.19.4: 0.39, largest second arc under 0"),
        ValueVector(oid([1, 0]), "06 01 28", "X.690 §8.19.4: 1*40+0"),
        ValueVector(oid([1, 39]), "06 01 4f", "X.690 §8.19.4: 1*40+39"),
        ValueVector(oid([2, 0]), "06 01 50", "X.690 §8.19.4: 2*40+0"),
        ValueVector(oid([2, 47]), "06 01 7f", "X.690 §8.19.4: 2.47 combines to 127, still one octet"),
        ValueVector(oid([2, 48]), "06 02 81 00", "X.690 §8.19.4: 2.48 combines to 128, two octets"),
        ValueVector(oid([2, 999, 3]), "06 03 88 37 03", "X.690 §8.19.5 example {2 999 3}: 80+999 = 1079 = 88 37"),
        ValueVector(oid([2, 4_294_967_215]), "06 05 8f ff ff ff 7f", "2.(2^32-81): combined sub-identifier 2^32-1"),
        ValueVector(oid([2, 4_294_967_295]), "06 05 90 80 80 80 4f",
                    "2.(2^32-1): combined sub-identifier 2^32+79 exceeds 32 bits but every arc fits"),
    ]

    @Test(arguments: golden)
    func goldenEncodingAndDecoding(_ vector: ValueVector) throws {
        try vector.check()
    }

    static let malformed: [MalformedVector] = [
        MalformedVector("06 00", .invalidObjectIdentifier, "X.690 §8.19: at least one sub-identifier"),
        MalformedVector("06 02 2b 81", .invalidObjectIdentifier, "last sub-identifier has its continuation bit set"),
        MalformedVector("06 01 81", .invalidObjectIdentifier, "only sub-identifier truncated"),
        MalformedVector("06 06 2b 90 80 80 80 00", .invalidObjectIdentifier, "arc 2^32 exceeds RFC 2578 §3.5"),
        MalformedVector("06 06 2b ff ff ff ff 7f", .invalidObjectIdentifier, "arc 2^35-1 in five octets"),
        MalformedVector("06 07 2b 8f ff ff ff ff 7f", .invalidObjectIdentifier, "six-octet arc"),
        MalformedVector("06 05 90 80 80 80 50", .invalidObjectIdentifier, "2.(2^32): second arc exceeds 32 bits"),
        MalformedVector("06 0c 2b 80 80 80 80 80 80 80 80 80 80 01", .invalidObjectIdentifier,
                        "eleven-octet sub-identifier of padding"),
        MalformedVector("06 05 2b 06 01", .truncated, "length says 5, only 3 content octets"),
    ]

    @Test(arguments: malformed)
    func malformedObjectIdentifiers(_ vector: MalformedVector) {
        var buffer = Hex.buffer(vector.hex)
        #expect(throws: BERError(vector.code), "\(vector.source)") { try buffer.readBERValue() }
        var again = Hex.buffer(vector.hex)
        #expect(throws: BERError(vector.code), "\(vector.source)") { try again.readBERObjectIdentifier() }
    }

    /// X.690 §8.19.2 forbids 0x80 as the first octet of a sub-identifier; Net-SNMP's asn_parse_objid
    /// accepts the padding, and so do we (tolerant decoding, ARCHITECTURE.md).
    @Test func paddedSubidentifierIsTolerated() throws {
        var buffer = Hex.buffer("06 04 2b 80 80 01")
        #expect(try buffer.readBERObjectIdentifier() == [1, 3, 1])
    }

    /// RFC 2578 §3.5: "at most 128 sub-identifiers". 128 arcs take 127 content octets (the first two share one).
    @Test func oneHundredTwentyEightArcsAreAccepted() throws {
        let arcs = [UInt32](repeating: 1, count: 128)
        let content = [UInt8](repeating: 0x01, count: 126)
        var buffer = ByteBuffer(bytes: [0x06, 0x7f, 0x29] + content)   // 0x29 = 1*40+1
        let decoded = try buffer.readBERObjectIdentifier()
        #expect(decoded.arcs == arcs)
        #expect(Hex.encoding { $0.writeBERObjectIdentifier(decoded) } == "067f29" + String(repeating: "01", count: 126))
    }

    @Test func oneHundredTwentyNineArcsAreRejected() {
        let content = [UInt8](repeating: 0x01, count: 127)
        var buffer = ByteBuffer(bytes: [0x06, 0x81, 0x80, 0x29] + content)
        #expect(throws: BERError(.invalidObjectIdentifier)) { try buffer.readBERObjectIdentifier() }
        // The same arcs written by us are rejected on the way back in.
        var written = ByteBuffer()
        written.writeBERObjectIdentifier(ObjectIdentifier([UInt32](repeating: 1, count: 129)))
        #expect(throws: BERError(.invalidObjectIdentifier)) { try written.readBERObjectIdentifier() }
    }

    /// A zero-length OID cannot be expressed in BER; the writer pads to two zero arcs as Net-SNMP does,
    /// and a one-arc OID gets a zero second arc.
    @Test func shortOIDsArePaddedOnEncode() throws {
        #expect(Hex.encoding { $0.writeBERObjectIdentifier(ObjectIdentifier([])) } == "060100")
        #expect(Hex.encoding { $0.writeBERObjectIdentifier(ObjectIdentifier([1])) } == "060128")
    }

    /// The OID's own text form and BER agree for a long, mixed OID.
    @Test func textAndBERRoundTrip() throws {
        let text = "1.3.6.1.4.1.2021.4294967295.0.16384.127"
        let parsed = try #require(ObjectIdentifier(text))
        var buffer = ByteBuffer()
        buffer.writeBERObjectIdentifier(parsed)
        let decoded = try buffer.readBERObjectIdentifier()
        #expect(decoded.description == text)
    }
}
