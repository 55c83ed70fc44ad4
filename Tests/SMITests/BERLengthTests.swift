import NIOCore
import SNMPSMI
import Testing

/// Definite lengths (X.690 §8.1.3): short form below 128, otherwise the fewest long-form octets
/// (X.690 §10.1, which SNMP encoders follow); the decoder also reads non-minimal long forms.
@Suite struct BERLengthTests {
    struct LengthVector: Sendable, CustomTestStringConvertible {
        let length: Int
        let header: String
        var testDescription: String { "\(length) -> \(header)" }
    }

    static let lengths: [LengthVector] = [
        LengthVector(length: 0, header: "04 00"),            // X.690 §8.1.3.4 short form
        LengthVector(length: 127, header: "04 7f"),          // largest short form
        LengthVector(length: 128, header: "04 81 80"),       // X.690 §8.1.3.5: one length octet
        LengthVector(length: 255, header: "04 81 ff"),
        LengthVector(length: 256, header: "04 82 01 00"),    // two length octets
        LengthVector(length: 65535, header: "04 82 ff ff"),
        LengthVector(length: 65536, header: "04 83 01 00 00"), // three length octets
    ]

    static func pattern(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 % 251) }
    }

    @Test(arguments: lengths)
    func octetStringHeaderIsMinimal(_ vector: LengthVector) throws {
        let contents = Self.pattern(vector.length)
        var buffer = ByteBuffer()
        buffer.writeBERValue(.octetString(OctetString(contents)))
        let header = Hex.bytes(vector.header)
        #expect(buffer.readableBytes == header.count + vector.length)
        #expect(Array(buffer.readableBytesView.prefix(header.count)) == header)
        #expect(try buffer.readBERValue() == .octetString(OctetString(contents)))
        #expect(buffer.readableBytes == 0)
    }

    /// The constructed writer reserves one length octet and moves the contents when the long form is
    /// needed; the result must be the same minimal header with the contents intact.
    @Test(arguments: lengths)
    func constructedHeaderIsPatchedMinimally(_ vector: LengthVector) throws {
        let contents = Self.pattern(vector.length)
        var buffer = ByteBuffer()
        buffer.writeBytes([0xEE])   // something before, to check offsets are relative
        buffer.writeBERConstructed(tag: BERTag.sequence) { $0.writeBytes(contents) }
        buffer.writeBytes([0xDD])   // and after
        var header = Hex.bytes(vector.header)
        header[0] = BERTag.sequence
        #expect(buffer.readInteger(as: UInt8.self) == 0xEE)
        #expect(Array(buffer.readableBytesView.prefix(header.count)) == header)
        let body = try buffer.readBERConstructed(tag: BERTag.sequence)
        #expect(Array(body.readableBytesView) == contents)
        #expect(Array(buffer.readableBytesView) == [0xDD])
    }

    /// Nested constructed values that each cross the 128-byte boundary (the inner move must not corrupt
    /// the outer placeholder).
    @Test func nestedLongFormsArePatchedCorrectly() throws {
        var buffer = ByteBuffer()
        buffer.writeBERConstructed(tag: BERTag.sequence) { outer in
            outer.writeBERConstructed(tag: BERTag.sequence) { inner in
                inner.writeBytes(Self.pattern(200))
            }
            outer.writeBytes(Self.pattern(60))
        }
        // inner: 30 81 c8 + 200 = 203; outer contents 263 = 0x0107.
        #expect(Hex.string(Array(buffer.readableBytesView.prefix(7))) == "30820107" + "3081c8")
        var outer = try buffer.readBERConstructed(tag: BERTag.sequence)
        let inner = try outer.readBERConstructed(tag: BERTag.sequence)
        #expect(Array(inner.readableBytesView) == Self.pattern(200))
        #expect(Array(outer.readableBytesView) == Self.pattern(60))
    }

    static let tolerated: [TolerantVector] = [
        TolerantVector("04 81 03 61 62 63", .octetString("abc"), "X.690 §8.1.3.5: long form allowed in BER for any length"),
        TolerantVector("04 82 00 03 61 62 63", .octetString("abc"), "long form with a leading zero octet"),
        TolerantVector("04 84 00 00 00 03 61 62 63", .octetString("abc"), "four length octets, the decoder's limit"),
        TolerantVector("04 81 00", .octetString(OctetString([])), "empty string in long form"),
    ]

    @Test(arguments: tolerated)
    func toleratedLongForms(_ vector: TolerantVector) throws {
        try vector.check()
    }

    static let malformed: [MalformedVector] = [
        MalformedVector("", .truncated, "no tag"),
        MalformedVector("04", .truncated, "tag without length"),
        MalformedVector("04 81", .truncated, "long form without its length octet"),
        MalformedVector("04 83 00 01", .truncated, "long form missing a length octet"),
        MalformedVector("04 05 61 62", .truncated, "length 5, 2 octets follow"),
        MalformedVector("04 81 80 61", .truncated, "length 128, 1 octet follows"),
        MalformedVector("04 80 61 62 00 00", .invalidLength, "X.690 §8.1.3.6 indefinite form: not used by SNMP"),
        MalformedVector("04 85 00 00 00 00 03 61 62 63", .invalidLength, "five length octets"),
        MalformedVector("04 ff 00", .invalidLength, "X.690 §8.1.3.5 c: 0xFF is reserved"),
        MalformedVector("04 84 01 00 00 01 00", .lengthLimitExceeded, "2^24+1 exceeds ByteBuffer.berMaximumLength"),
        MalformedVector("04 84 ff ff ff ff 00", .lengthLimitExceeded, "2^32-1"),
    ]

    @Test(arguments: malformed)
    func malformedLengths(_ vector: MalformedVector) {
        var buffer = Hex.buffer(vector.hex)
        #expect(throws: BERError(vector.code), "\(vector.source)") { try buffer.readBERValue() }
    }
}
