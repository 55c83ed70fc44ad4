import NIOCore
import SNMPSMI
import Testing

/// Unsigned application types (RFC 2578 §7.1.6–§7.1.10) as they arrive from agents.
@Suite struct UnsignedDecodingTests {
    /// (encoding, value): the first two are Net-SNMP 5.9.3 snmpd's own encodings of ifSpeed 10000000 and
    /// 65535 (a leading zero octet keeps them positive); the last is the sign extension Net-SNMP's
    /// `asn_parse_unsigned_int` applies to a first octet with the high bit set.
    static let vectors: [([UInt8], SNMPValue)] = [
        ([0x42, 0x04, 0x00, 0x98, 0x96, 0x80], .gauge32(10_000_000)),
        ([0x42, 0x03, 0x00, 0xFF, 0xFF], .gauge32(65_535)),
        ([0x41, 0x05, 0x00, 0xFF, 0xFF, 0xFF, 0xFF], .counter32(4_294_967_295)),
        ([0x43, 0x01, 0x7F], .timeTicks(127)),
        ([0x42, 0x01, 0xFF], .gauge32(4_294_967_295)),
    ]

    @Test(arguments: vectors)
    func leadingZeroKeepsTheValuePositive(_ vector: ([UInt8], SNMPValue)) throws {
        var buffer = ByteBuffer(bytes: vector.0)
        #expect(try buffer.readBERValue() == vector.1)
    }
}
