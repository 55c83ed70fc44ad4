public import SNMPSMI

/// A row of `vacmViewTreeFamilyTable` (RFC 3415 §2.5): a subtree, a mask that can wildcard some of its
/// sub-identifiers, and whether the OIDs it matches are in or out of the view.
///
/// ```swift
/// // ifEntry columns 1..22 for the interface with index 3 (RFC 3415 §5 style wildcard on the column):
/// let family = try VACMViewTreeFamily(subtree: "1.3.6.1.2.1.2.2.1.0.3", mask: [0xFF, 0xA0], type: .included)
/// family.matches("1.3.6.1.2.1.2.2.1.2.3")   // true: the tenth arc is wildcarded
/// ```
public struct VACMViewTreeFamily: Hashable, Sendable {
    /// Whether matched OIDs are in the view (`vacmViewTreeFamilyType`).
    public enum FamilyType: Int32, Hashable, Sendable {
        /// Matched OIDs are in the view.
        case included = 1
        /// Matched OIDs are not in the view.
        case excluded = 2
    }

    /// The subtree (`vacmViewTreeFamilySubtree`).
    public let subtree: ObjectIdentifier
    /// The mask (`vacmViewTreeFamilyMask`): bit `i` (most significant bit of octet 0 first) set means
    /// sub-identifier `i` must equal the subtree's; a clear bit is a wildcard; missing bits count as set.
    public let mask: [UInt8]
    /// Included or excluded.
    public let type: FamilyType
    /// How many leading sub-identifiers the mask fixes: every matched OID lies under them.
    public let fixedArcCount: Int

    /// The largest mask RFC 3415 allows (`OCTET STRING (SIZE (0..16))`).
    public static let maximumMaskLength = 16

    /// Creates a family; throws when the mask or subtree breaks RFC 3415's size limits.
    public init(subtree: ObjectIdentifier, mask: [UInt8] = [], type: FamilyType = .included) throws(VACMError) {
        guard mask.count <= Self.maximumMaskLength else {
            throw VACMError(.invalidMask, "\(mask.count) octets")
        }
        guard subtree.count <= ObjectIdentifier.maximumArcCount else {
            throw VACMError(.invalidSubtree, "\(subtree.count) sub-identifiers")
        }
        self.subtree = subtree
        self.mask = mask
        self.type = type
        var fixed = 0
        while fixed < subtree.count && Self.maskBit(mask, fixed) { fixed += 1 }
        self.fixedArcCount = fixed
    }

    @inline(__always)
    static func maskBit(_ mask: [UInt8], _ index: Int) -> Bool {
        let octet = index >> 3
        // RFC 3415 §2.5: a mask shorter than the subtree is extended with 1 bits.
        guard octet < mask.count else { return true }
        return mask[octet] & (0x80 >> UInt8(index & 7)) != 0
    }

    /// `true` when `oid` is in this family (RFC 3415 §2.5 / §5): at least as long as the subtree, and
    /// equal to it at every sub-identifier the mask does not wildcard.
    public func matches(_ oid: ObjectIdentifier) -> Bool {
        let count = subtree.count
        guard oid.count >= count else { return false }
        return subtree.withArcs { s in
            oid.withArcs { o in
                var i = 0
                while i < count {
                    if s[i] != o[i] && Self.maskBit(mask, i) { return false }
                    i += 1
                }
                return true
            }
        }
    }

    /// `true` when `self` decides over `other` for an OID both match (RFC 3415 §5: the longer subtree
    /// wins; between equally long ones the lexicographically larger).
    public func takesPrecedence(over other: VACMViewTreeFamily) -> Bool {
        if subtree.count != other.subtree.count { return subtree.count > other.subtree.count }
        return other.subtree < subtree
    }

    /// The OIDs this family can match all start with these arcs.
    var fixedPrefix: ArraySlice<UInt32> { subtree.arcs[..<fixedArcCount] }
}
