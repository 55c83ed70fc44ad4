import NIOCore
import SNMPSMI
import Testing

/// Every proper prefix of a real message must be rejected as truncated, without crashing: a datagram cut
/// anywhere (X.690 §8.1.1: each TLV's length covers its contents, so any cut leaves a length unmet).
@Suite struct BERTruncationTests {
    struct Packet: Sendable, CustomTestStringConvertible {
        let name: String
        let hex: String
        var testDescription: String { name }
    }

    static let packets: [Packet] = [
        Packet(name: "Net-SNMP GetResponse, 7 varbinds", hex: NetSNMPGoldenPackets.getResponse),
        Packet(name: "Net-SNMP GetRequest", hex: NetSNMPGoldenPackets.getRequest),
        Packet(name: "Net-SNMP GetBulk response", hex: NetSNMPGoldenPackets.getBulkResponse),
        Packet(name: "v1 Trap", hex: CommunityMessageTests.vectors[3].hex),
    ]

    @Test(arguments: packets)
    func everyProperPrefixThrowsTruncated(_ packet: Packet) throws {
        let bytes = Hex.bytes(packet.hex)
        // The whole message decodes: the prefixes below fail because of the cut, not the content.
        _ = try CommunityMessage(berEncoded: ByteBuffer(bytes: bytes))
        for length in 0..<bytes.count {
            let prefix = ByteBuffer(bytes: bytes[..<length])
            #expect(throws: BERError(.truncated), "prefix of \(length) bytes") {
                try CommunityMessage(berEncoded: prefix)
            }
        }
    }

    /// The same cut applied to the PDU alone (the dispatcher decodes PDUs from v3 scoped PDUs too).
    @Test func everyProperPrefixOfAPDUThrowsTruncated() throws {
        var message = Hex.buffer(NetSNMPGoldenPackets.getResponse)
        _ = try message.readBERHeader(expecting: BERTag.sequence)
        _ = try message.readBERInt32()
        _ = try message.readBEROctetString()
        let pduBytes = Array(message.readableBytesView)
        for length in 0..<pduBytes.count {
            var prefix = ByteBuffer(bytes: pduBytes[..<length])
            #expect(throws: BERError(.truncated), "PDU prefix of \(length) bytes") { try PDU(berEncoded: &prefix) }
        }
    }

    /// Truncation of the *inner* TLVs while the outer lengths are patched to match what is there: the
    /// outer SEQUENCE is consistent, so the error must come from the inner length.
    @Test func innerTruncationWithConsistentOuterLength() {
        // Response whose only varbind's OCTET STRING says 5 octets but carries 2; outer lengths fit the bytes.
        let hex = "30 1d 02 01 01 04 06 70 75 62 6c 69 63 a2 10 02 01 01 02 01 00 02 01 00 30 05 30 03 04 05 41"
        #expect(throws: BERError(.truncated)) { try CommunityMessage(berEncoded: Hex.buffer(hex)) }
    }
}
