import NIOCore
import SNMPSMI
import Testing

/// INTEGER / Integer32 (X.690 §8.3): minimal two's complement out, redundant sign octets tolerated in.
@Suite struct BERIntegerTests {
    static let golden: [ValueVector] = [
        ValueVector(.integer(0), "02 01 00", "X.690 §8.3.2: zero still takes one content octet"),
        ValueVector(.integer(-1), "02 01 ff", "X.690 §8.3.3: two's complement of -1"),
        ValueVector(.integer(127), "02 01 7f", "X.690 §8.3.2: largest one-octet positive"),
        ValueVector(.integer(128), "02 02 00 80", "X.690 §8.3.2: 0x80 alone would read as -128, so 00 leads"),
        ValueVector(.integer(-128), "02 01 80", "X.690 §8.3.3: smallest one-octet negative"),
        ValueVector(.integer(-129), "02 02 ff 7f", "X.690 §8.3.3: -129 = 0xFF7F"),
        ValueVector(.integer(256), "02 02 01 00", "X.690 §8.3.2"),
        ValueVector(.integer(2_147_483_647), "02 04 7f ff ff ff", "RFC 2578 §7.1.1: Integer32 maximum"),
        ValueVector(.integer(-2_147_483_648), "02 04 80 00 00 00", "RFC 2578 §7.1.1: Integer32 minimum"),
    ]

    @Test(arguments: golden)
    func goldenEncodingAndDecoding(_ vector: ValueVector) throws {
        try vector.check()
    }

    static let tolerated: [TolerantVector] = [
        TolerantVector("02 02 00 05", .integer(5), "X.690 §8.3.2 violated (redundant 00); agents send it"),
        TolerantVector("02 03 ff ff ff", .integer(-1), "X.690 §8.3.2 violated (redundant FF)"),
        TolerantVector("02 05 00 7f ff ff ff", .integer(2_147_483_647), "redundant 00 before Integer32 max"),
        TolerantVector("02 05 ff 80 00 00 00", .integer(-2_147_483_648), "redundant FF before Integer32 min"),
        TolerantVector("02 81 01 2a", .integer(42), "X.690 §8.1.3.5: long-form length where short would do"),
    ]

    @Test(arguments: tolerated)
    func toleratedNonMinimalEncodings(_ vector: TolerantVector) throws {
        try vector.check()
    }

    static let malformed: [MalformedVector] = [
        MalformedVector("02 00", .invalidInteger, "X.690 §8.3.1: an INTEGER has at least one content octet"),
        MalformedVector("02 05 01 00 00 00 00", .integerOverflow, "2^32: five significant octets exceed Integer32"),
        MalformedVector("02 05 00 80 00 00 00", .integerOverflow, "2^31 = Integer32 max + 1"),
        MalformedVector("02 05 ff 7f ff ff ff", .integerOverflow, "-2^31 - 1 = Integer32 min - 1"),
        MalformedVector("02 09 01 00 00 00 00 00 00 00 00", .integerOverflow, "2^64 does not even fit 64 bits"),
        MalformedVector("02 11 7f ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff", .integerOverflow,
                        "17 significant octets"),
    ]

    @Test(arguments: malformed)
    func malformedIntegers(_ vector: MalformedVector) {
        var buffer = Hex.buffer(vector.hex)
        #expect(throws: BERError(vector.code), "\(vector.source)") { try buffer.readBERValue() }
        var again = Hex.buffer(vector.hex)
        #expect(throws: BERError(vector.code), "readBERInt32: \(vector.source)") { try again.readBERInt32() }
    }

    /// Every Int32 boundary around each octet-count change round-trips, and its encoding is minimal.
    @Test func octetBoundariesRoundTripMinimally() throws {
        var values: [Int32] = [Int32.min, Int32.max]
        for bits in [7, 15, 23] {
            let edge = Int32(1) << bits
            values += [edge - 1, edge, -edge, -edge - 1]
        }
        for value in values {
            var buffer = ByteBuffer()
            buffer.writeBERValue(.integer(value))
            let bytes = Array(buffer.readableBytesView)
            // X.690 §8.3.2: the first nine bits are never all 0 or all 1.
            if bytes.count > 3 {
                let nine = (UInt16(bytes[2]) << 1) | UInt16(bytes[3] >> 7)
                #expect(nine != 0 && nine != 0x1FF, "\(value) not minimal: \(Hex.string(bytes))")
            }
            #expect(try buffer.readBERValue() == .integer(value))
        }
    }

    /// Request-ids and other Int32 fields read with readBERInt32 reject a wrong tag.
    @Test func readInt32RejectsOtherTags() {
        var buffer = Hex.buffer("04 01 05")
        #expect(throws: BERError(.unexpectedTag)) { try buffer.readBERInt32() }
    }
}
