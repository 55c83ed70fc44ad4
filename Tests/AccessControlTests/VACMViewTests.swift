import Testing
import SNMPAccessControl
import SNMPSMI

@Suite("VACM view tree families (RFC 3415 §5)")
struct VACMViewTests {
    struct MaskVector: Sendable, CustomStringConvertible {
        let subtree: String
        let mask: [UInt8]
        let oid: String
        let matches: Bool
        var description: String { "\(subtree) mask \(mask) vs \(oid)" }
    }

    // Source: RFC 3415 §5 examples: mask bit i fixes sub-identifier i; missing bits count as 1.
    static let maskVectors: [MaskVector] = [
        // ifEntry row 3, every column: the column arc (10th, bit 9) is wildcarded.
        MaskVector(subtree: "1.3.6.1.2.1.2.2.1.1.3", mask: [0xFF, 0xA0], oid: "1.3.6.1.2.1.2.2.1.2.3", matches: true),
        MaskVector(subtree: "1.3.6.1.2.1.2.2.1.1.3", mask: [0xFF, 0xA0], oid: "1.3.6.1.2.1.2.2.1.9.3", matches: true),
        MaskVector(subtree: "1.3.6.1.2.1.2.2.1.1.3", mask: [0xFF, 0xA0], oid: "1.3.6.1.2.1.2.2.1.2.4", matches: false),
        // Empty mask: plain subtree.
        MaskVector(subtree: "1.3.6.1.2.1.1", mask: [], oid: "1.3.6.1.2.1.1.5.0", matches: true),
        MaskVector(subtree: "1.3.6.1.2.1.1", mask: [], oid: "1.3.6.1.2.1.2", matches: false),
        // Shorter than the subtree never matches.
        MaskVector(subtree: "1.3.6.1.2.1.1", mask: [], oid: "1.3.6.1.2.1", matches: false),
        // A mask of one octet wildcards arc 8 (bit 7); bits beyond it are 1, so arc 9 must still match.
        MaskVector(subtree: "1.3.6.1.2.1.2.2.1.1", mask: [0xFE], oid: "1.3.6.1.2.1.2.9.1.1.7", matches: true),
        MaskVector(subtree: "1.3.6.1.2.1.2.2.1.1", mask: [0xFE], oid: "1.3.6.1.2.1.2.9.2.1.7", matches: false),
    ]

    @Test(arguments: maskVectors)
    func maskMatching(_ vector: MaskVector) throws {
        let subtree = try #require(ObjectIdentifier(vector.subtree))
        let oid = try #require(ObjectIdentifier(vector.oid))
        let family = try VACMViewTreeFamily(subtree: subtree, mask: vector.mask)
        #expect(family.matches(oid) == vector.matches)
    }

    @Test func maskLongerThanSixteenOctetsIsRejected() {
        #expect(throws: VACMError(.invalidMask)) {
            try VACMViewTreeFamily(subtree: "1.3", mask: [UInt8](repeating: 0xFF, count: 17))
        }
    }

    @Test func longestSubtreeDecides() throws {
        let view = try VACMView("v", families: [
            VACMViewTreeFamily(subtree: "1.3.6.1.2.1.1.9", type: .excluded),
            VACMViewTreeFamily(subtree: "1.3.6.1.2.1"),
            VACMViewTreeFamily(subtree: "1.3.6.1.2.1.1.9.1.3", type: .included),
        ])
        #expect(view.contains("1.3.6.1.2.1.1.1.0"))
        #expect(!view.contains("1.3.6.1.2.1.1.9.1.2.1"))
        #expect(view.contains("1.3.6.1.2.1.1.9.1.3.1"))
        #expect(!view.contains("1.3.6.1.4.1"))
    }

    @Test func equalLengthTieGoesToTheLexicographicallyLargerSubtree() throws {
        // Both match 1.3.6.1.2.1.2.2.1.2.3 (the second by wildcarding arc 9); the larger subtree wins.
        let view = try VACMView("v", families: [
            VACMViewTreeFamily(subtree: "1.3.6.1.2.1.2.2.1.1.3", mask: [0xFF, 0xA0], type: .included),
            VACMViewTreeFamily(subtree: "1.3.6.1.2.1.2.2.1.2.3", type: .excluded),
        ])
        #expect(!view.contains("1.3.6.1.2.1.2.2.1.2.3"))
        #expect(view.contains("1.3.6.1.2.1.2.2.1.5.3"))
        let flipped = try VACMView("v", families: [
            VACMViewTreeFamily(subtree: "1.3.6.1.2.1.2.2.1.9.3", mask: [0xFF, 0xA0], type: .included),
            VACMViewTreeFamily(subtree: "1.3.6.1.2.1.2.2.1.2.3", type: .excluded),
        ])
        #expect(flipped.contains("1.3.6.1.2.1.2.2.1.2.3"))
    }

    @Test func skipTargetAndExhaustion() throws {
        let view = try VACMView("v", families: [
            VACMViewTreeFamily(subtree: "1.3.6.1.2.1"),
            VACMViewTreeFamily(subtree: "1.3.6.1.2.1.4", type: .excluded),
        ])
        #expect(view.skipTarget(forHidden: "1.3.6.1.2.1.4.20.1.1.10.0.0.1") == "1.3.6.1.2.1.5")
        #expect(view.skipTarget(forHidden: "1.3.6.1.4.1.1") == nil)
        #expect(!view.isExhausted(at: "1.3.6.1.2.1.7"))
        #expect(!view.isExhausted(at: "1.3.6.1"))
        #expect(view.isExhausted(at: "1.3.6.1.2.2"))
    }
}
