import NIOCore
import SNMPSMI
import Testing

/// Deterministic mutation testing of the decoders: every single-byte change of golden messages must decode
/// or throw a `BERError` (the typed `throws(BERError)` guarantees the error type; a trap would crash the
/// test process), in bounded time. What decodes must survive encode -> decode unchanged.
@Suite struct BERFuzzTests {
    static let seeds: [String] = [
        NetSNMPGoldenPackets.getResponse,
        NetSNMPGoldenPackets.getBulkRequest,
        NetSNMPGoldenPackets.noSuchObjectResponse,
        CommunityMessageTests.vectors[3].hex,   // v1 Trap
        CommunityMessageTests.vectors[4].hex,   // v2c Trap
    ]

    /// A small, seeded generator so failures reproduce (SplitMix64).
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    struct Outcome {
        var decoded = 0
        var rejected = 0
    }

    /// Decodes `bytes`; when it decodes, checks re-encoding is stable (decode(encode(m)) == m).
    static func probe(_ bytes: [UInt8], _ outcome: inout Outcome) {
        do {
            let message = try CommunityMessage(berEncoded: ByteBuffer(bytes: bytes))
            outcome.decoded += 1
            var encoded = ByteBuffer()
            message.serialize(into: &encoded)
            let again = try CommunityMessage(berEncoded: encoded)
            // Issue.record only on failure: an #expect per probe would dominate the run time.
            if again != message { Issue.record("re-encoding changed \(Hex.string(bytes))") }
        } catch {
            outcome.rejected += 1
        }
    }

    /// Every byte of a message set to every one of the 256 values (the GetBulk request: 58 * 256 = 14,848
    /// inputs; a debug build decodes about 2,000 a second, so the 212-byte response gets the subset below).
    @Test func everyByteToEveryValue() {
        let seed = Hex.bytes(NetSNMPGoldenPackets.getBulkRequest)
        var outcome = Outcome()
        let elapsed = ContinuousClock().measure {
            for position in seed.indices {
                var mutated = seed
                for value in 0...255 {
                    mutated[position] = UInt8(value)
                    Self.probe(mutated, &outcome)
                }
            }
        }
        #expect(outcome.decoded + outcome.rejected == seed.count * 256)
        // Both outcomes occur: mutations inside values decode, mutations of tags and lengths do not.
        #expect(outcome.decoded > 0 && outcome.rejected > 0)
        #expect(elapsed < .seconds(60), "took \(elapsed)")
    }

    /// Every byte of the 212-byte GetResponse set to the boundary values and to a seeded random subset.
    @Test func everyByteOfTheResponseToASubsetOfValues() {
        let seed = Hex.bytes(NetSNMPGoldenPackets.getResponse)
        var random = SplitMix64(state: 0x5EED_2120)
        var outcome = Outcome()
        let elapsed = ContinuousClock().measure {
            for position in seed.indices {
                var values: Set<UInt8> = [0x00, 0x01, 0x7F, 0x80, 0x81, 0x84, 0xFF, seed[position] &+ 1, seed[position] &- 1]
                while values.count < 16 { values.insert(UInt8.random(in: 0...255, using: &random)) }
                var mutated = seed
                for value in values.sorted() {
                    mutated[position] = value
                    Self.probe(mutated, &outcome)
                }
            }
        }
        #expect(outcome.decoded + outcome.rejected == seed.count * 16)
        #expect(outcome.decoded > 0 && outcome.rejected > 0)
        #expect(elapsed < .seconds(60), "took \(elapsed)")
    }

    /// Several random mutations at once, on every seed message, from a fixed seed.
    @Test(arguments: seeds.indices)
    func seededMultiByteMutations(_ index: Int) {
        let seed = Hex.bytes(Self.seeds[index])
        var random = SplitMix64(state: 0x5EED_0000 + UInt64(index))
        var outcome = Outcome()
        let elapsed = ContinuousClock().measure {
            for _ in 0..<3_000 {
                var mutated = seed
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let position = Int.random(in: 0..<mutated.count, using: &random)
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: mutated[position] = UInt8.random(in: 0...255, using: &random)
                    case 1: mutated[position] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
                    case 2: mutated.insert(UInt8.random(in: 0...255, using: &random), at: position)
                    default: if mutated.count > 1 { mutated.remove(at: position) }
                    }
                }
                Self.probe(mutated, &outcome)
            }
        }
        #expect(outcome.decoded + outcome.rejected == 3_000)
        #expect(elapsed < .seconds(30), "took \(elapsed)")
    }

    /// Lengths set to extreme values everywhere a length octet is found: must never read out of bounds.
    @Test func extremeLengthsAtEveryPosition() {
        let seed = Hex.bytes(NetSNMPGoldenPackets.getBulkResponse)
        var outcome = Outcome()
        let lengthForms: [[UInt8]] = [[0x80], [0x81, 0xFF], [0x82, 0xFF, 0xFF], [0x84, 0x7F, 0xFF, 0xFF, 0xFF],
                                      [0x84, 0xFF, 0xFF, 0xFF, 0xFF], [0x85, 0, 0, 0, 0, 1], [0xFF]]
        for position in 1..<seed.count {
            for form in lengthForms {
                var mutated = seed
                mutated.replaceSubrange(position..<(position + 1), with: form)
                Self.probe(mutated, &outcome)
            }
        }
        #expect(outcome.rejected > 0)
    }
}
