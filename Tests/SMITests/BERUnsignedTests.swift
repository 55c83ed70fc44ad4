import NIOCore
import SNMPSMI
import Testing

/// Counter32, Gauge32, TimeTicks and Counter64: unsigned values in INTEGER encoding (RFC 3416 §3), so a
/// value whose top bit is set needs a leading 00 octet (X.690 §8.3.2).
@Suite struct BERUnsignedTests {
    static let golden: [ValueVector] = {
        var vectors: [ValueVector] = []
        let kinds: [(String, UInt8, @Sendable (UInt32) -> SNMPValue)] = [
            ("41", BERTag.counter32, { .counter32($0) }),
            ("42", BERTag.gauge32, { .gauge32($0) }),
            ("43", BERTag.timeTicks, { .timeTicks($0) }),
        ]
        for (tag, _, make) in kinds {
            vectors += [
                ValueVector(make(0), "\(tag) 01 00", "X.690 §8.3.2: zero takes one octet"),
                ValueVector(make(127), "\(tag) 01 7f", "X.690 §8.3.2: top bit clear, no pad"),
                ValueVector(make(128), "\(tag) 02 00 80", "X.690 §8.3.2: top bit set needs 00"),
                ValueVector(make(2_147_483_648), "\(tag) 05 00 80 00 00 00", "RFC 2578 §7.1.6: 2^31, pad to 5 octets"),
                ValueVector(make(4_294_967_295), "\(tag) 05 00 ff ff ff ff",
                            "RFC 2578 §7.1.6-8: 2^32-1 needs a leading 00, 5 content octets"),
            ]
        }
        vectors += [
            ValueVector(.counter64(0), "46 01 00", "RFC 2578 §7.1.10: Counter64 zero"),
            ValueVector(.counter64(UInt64(Int64.max)), "46 08 7f ff ff ff ff ff ff ff", "2^63-1: 8 octets, no pad"),
            ValueVector(.counter64(1 << 63), "46 09 00 80 00 00 00 00 00 00 00", "2^63: pad to 9 octets"),
            ValueVector(.counter64(.max), "46 09 00 ff ff ff ff ff ff ff ff",
                        "RFC 2578 §7.1.10: 2^64-1 takes 9 content octets"),
        ]
        return vectors
    }()

    @Test(arguments: golden)
    func goldenEncodingAndDecoding(_ vector: ValueVector) throws {
        try vector.check()
    }

    static let tolerated: [TolerantVector] = [
        TolerantVector("41 04 80 00 00 00", .counter32(2_147_483_648),
                       "sign bit set in 4 octets: Net-SNMP asn_parse_unsigned_int reads it as unsigned"),
        TolerantVector("41 04 ff ff ff ff", .counter32(4_294_967_295), "same, all ones"),
        TolerantVector("42 04 ff ff ff ff", .gauge32(4_294_967_295), "Gauge32 sent without the pad octet"),
        TolerantVector("43 04 80 00 00 01", .timeTicks(2_147_483_649), "TimeTicks sent without the pad octet"),
        TolerantVector("41 05 00 ff ff ff ff", .counter32(4_294_967_295), "Counter32 in 5 octets, leading 00"),
        TolerantVector("41 06 00 00 00 00 00 07", .counter32(7), "several redundant 00 octets"),
        TolerantVector("41 81 01 05", .counter32(5), "X.690 §8.1.3.5: long-form length where short would do"),
        TolerantVector("46 08 ff ff ff ff ff ff ff ff", .counter64(.max), "Counter64 max without the pad octet"),
        TolerantVector("46 0a 00 00 ff ff ff ff ff ff ff ff", .counter64(.max), "Counter64 max, two leading 00"),
    ]

    @Test(arguments: tolerated)
    func toleratedEncodings(_ vector: TolerantVector) throws {
        try vector.check()
    }

    static let malformed: [MalformedVector] = [
        MalformedVector("41 00", .invalidInteger, "X.690 §8.3.1: at least one content octet"),
        MalformedVector("43 00", .invalidInteger, "X.690 §8.3.1, TimeTicks"),
        MalformedVector("46 00", .invalidInteger, "X.690 §8.3.1, Counter64"),
        MalformedVector("41 05 01 00 00 00 00", .integerOverflow, "2^32 exceeds Counter32 (RFC 2578 §7.1.6)"),
        MalformedVector("42 06 00 01 00 00 00 00", .integerOverflow, "2^32 after a redundant 00"),
        MalformedVector("46 09 01 00 00 00 00 00 00 00 00", .integerOverflow, "2^64 exceeds Counter64"),
    ]

    @Test(arguments: malformed)
    func malformedUnsigned(_ vector: MalformedVector) {
        var buffer = Hex.buffer(vector.hex)
        #expect(throws: BERError(vector.code), "\(vector.source)") { try buffer.readBERValue() }
    }

    /// Every 32-bit boundary round-trips through every unsigned type.
    @Test func boundariesRoundTrip() throws {
        var values: [UInt32] = [0, .max]
        for bits in stride(from: 7, through: 31, by: 8) {
            let edge = UInt32(1) << bits
            values += [edge - 1, edge, edge + 1]
        }
        for value in values {
            for snmp in [SNMPValue.counter32(value), .gauge32(value), .timeTicks(value), .counter64(UInt64(value))] {
                var buffer = ByteBuffer()
                buffer.writeBERValue(snmp)
                #expect(try buffer.readBERValue() == snmp)
            }
        }
    }
}
