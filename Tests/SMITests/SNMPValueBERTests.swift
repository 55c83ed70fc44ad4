import NIOCore
import SNMPSMI
import Testing

/// Every ``SNMPValue`` case once, with its hand-computed BER bytes. Edge values of each type live in
/// the per-type files (BERIntegerTests, BERUnsignedTests, BERObjectIdentifierTests).
@Suite struct SNMPValueBERTests {
    static let vectors: [ValueVector] = [
        ValueVector(.integer(42), "02 01 2a", "X.690 §8.3: INTEGER, minimal two's complement"),
        ValueVector(.octetString("public"), "04 06 70 75 62 6c 69 63", "X.690 §8.7.2: primitive OCTET STRING"),
        ValueVector(.octetString(OctetString([])), "04 00", "X.690 §8.7: empty OCTET STRING, zero length"),
        ValueVector(.octetString([0x00, 0xff, 0x80]), "04 03 00 ff 80", "X.690 §8.7: binary contents copied as is"),
        ValueVector(.null, "05 00", "X.690 §8.8.2: NULL has no contents"),
        ValueVector(.objectIdentifier("1.3.6.1.2.1.1.1.0"), "06 08 2b 06 01 02 01 01 01 00",
                    "X.690 §8.19: sysDescr.0, first sub-identifier 1*40+3 = 0x2b"),
        ValueVector(.ipAddress(IPv4Address(192, 0, 2, 1)), "40 04 c0 00 02 01",
                    "RFC 2578 §7.1.5 / RFC 3416 §3: [APPLICATION 0] IMPLICIT OCTET STRING (SIZE (4))"),
        ValueVector(.counter32(123_456), "41 03 01 e2 40", "RFC 3416 §3: Counter32 [APPLICATION 1], 123456 = 0x01E240"),
        ValueVector(.gauge32(100), "42 01 64", "RFC 3416 §3: Unsigned32/Gauge32 [APPLICATION 2]"),
        ValueVector(.timeTicks(12_345), "43 02 30 39", "RFC 3416 §3: TimeTicks [APPLICATION 3], 12345 = 0x3039"),
        ValueVector(.opaque([0x05, 0x00]), "44 02 05 00",
                    "RFC 2578 §7.1.9: Opaque [APPLICATION 4] wraps a BER value (here NULL), kept as bytes"),
        ValueVector(.counter64(1 << 32), "46 05 01 00 00 00 00", "RFC 3416 §3: Counter64 [APPLICATION 6], 2^32"),
        ValueVector(.noSuchObject, "80 00", "RFC 3416 §3: noSuchObject [0] IMPLICIT NULL"),
        ValueVector(.noSuchInstance, "81 00", "RFC 3416 §3: noSuchInstance [1] IMPLICIT NULL"),
        ValueVector(.endOfMibView, "82 00", "RFC 3416 §3: endOfMibView [2] IMPLICIT NULL"),
        ValueVector(.unknown(tag: 0x45, contents: [0x01, 0x02]), "45 02 01 02",
                    "RFC 1442 NsapAddress [APPLICATION 5]: not in SMIv2, kept opaque"),
        ValueVector(.unknown(tag: 0x47, contents: [0x07]), "47 01 07",
                    "RFC 1442 UInteger32 [APPLICATION 7]: obsolete, kept opaque"),
    ]

    @Test(arguments: vectors)
    func goldenEncodingAndDecoding(_ vector: ValueVector) throws {
        try vector.check()
    }

    /// Guards the list above: a new SNMPValue case must get a vector (switch exhaustiveness forces an edit here).
    @Test func everyCaseHasAVector() {
        func caseName(_ value: SNMPValue) -> String {
            switch value {
            case .integer: return "integer"
            case .octetString: return "octetString"
            case .null: return "null"
            case .objectIdentifier: return "objectIdentifier"
            case .ipAddress: return "ipAddress"
            case .counter32: return "counter32"
            case .gauge32: return "gauge32"
            case .timeTicks: return "timeTicks"
            case .opaque: return "opaque"
            case .counter64: return "counter64"
            case .noSuchObject: return "noSuchObject"
            case .noSuchInstance: return "noSuchInstance"
            case .endOfMibView: return "endOfMibView"
            case .unknown: return "unknown"
            }
        }
        #expect(Set(Self.vectors.map { caseName($0.value) }).count == 14)
    }

    @Test func valueTagMatchesEncodedTag() {
        for vector in Self.vectors {
            #expect(Hex.bytes(vector.hex).first == vector.value.tag, "\(vector.source)")
        }
    }

    @Test func decodedOctetStringIsASliceOfTheInput() throws {
        var buffer = Hex.buffer("04 05 68 65 6c 6c 6f")
        guard case .octetString(let text) = try buffer.readBERValue() else {
            Issue.record("not an OCTET STRING")
            return
        }
        #expect(text.utf8String == "hello")
        #expect(text.count == 5)
    }

    static let malformed: [MalformedVector] = [
        MalformedVector("05 01 00", .invalidValue, "X.690 §8.8.2: NULL contents are empty"),
        MalformedVector("80 01 00", .invalidValue, "RFC 3416 §3: noSuchObject is IMPLICIT NULL"),
        MalformedVector("82 02 00 00", .invalidValue, "RFC 3416 §3: endOfMibView is IMPLICIT NULL"),
        MalformedVector("40 03 c0 00 02", .invalidValue, "RFC 2578 §7.1.5: IpAddress SIZE (4), 3 octets"),
        MalformedVector("40 05 c0 00 02 01 00", .invalidValue, "RFC 2578 §7.1.5: IpAddress SIZE (4), 5 octets"),
        MalformedVector("40 00", .invalidValue, "IpAddress of 0 octets"),
        MalformedVector("1f 01 00", .unsupportedTag, "X.690 §8.1.2.4: high tag number form, never used by SNMP"),
        MalformedVector("5f 01 00", .unsupportedTag, "application class, high tag number form"),
        MalformedVector("04 03 61 62", .truncated, "OCTET STRING shorter than its length"),
    ]

    @Test(arguments: malformed)
    func malformedValues(_ vector: MalformedVector) {
        var buffer = Hex.buffer(vector.hex)
        #expect(throws: BERError(vector.code), "\(vector.source)") { try buffer.readBERValue() }
    }

    /// A constructed tag outside the grammar (e.g. a SEQUENCE where a value belongs) is not an opaque value.
    @Test func constructedTagAsValueIsRejected() {
        var buffer = Hex.buffer("30 03 02 01 01")
        #expect(throws: BERError(.unexpectedTag)) { try buffer.readBERValue() }
    }
}
