public import SNMPSMI

/// A named MIB view (RFC 3415 §2.5): the families of `vacmViewTreeFamilyTable` that share a view name,
/// kept in decision order so that checking an OID is one scan that stops at the first match.
///
/// ```swift
/// let view = try VACMView("system-only", families: [
///     VACMViewTreeFamily(subtree: "1.3.6.1.2.1.1"),
///     VACMViewTreeFamily(subtree: "1.3.6.1.2.1.1.9", type: .excluded),
/// ])
/// view.contains("1.3.6.1.2.1.1.1.0")   // true
/// view.contains("1.3.6.1.2.1.1.9.1.2.1") // false
/// ```
public struct VACMView: Hashable, Sendable {
    /// The view name (`vacmViewTreeFamilyViewName`).
    public let name: String
    /// The families, the one that decides first (longest subtree, then lexicographically largest).
    public private(set) var families: [VACMViewTreeFamily]
    /// Per family: `true` when the family is excluded and no family that can outrank it reaches into its
    /// subtree, so that a GetNext can jump over the whole subtree.
    private var skippable: [Bool]

    /// Creates a view from its families (in any order).
    public init(_ name: String, families: [VACMViewTreeFamily]) throws(VACMError) {
        guard name.utf8.count <= 32 else { throw VACMError(.invalidName, "view name of \(name.utf8.count) octets") }
        self.name = name
        self.families = []
        self.skippable = []
        for family in families { add(family) }
    }

    /// A view of the given subtrees, all included: `VACMView.included("all", subtrees: ["1"])`.
    public static func included(_ name: String, subtrees: [ObjectIdentifier]) throws(VACMError) -> VACMView {
        var families: [VACMViewTreeFamily] = []
        for subtree in subtrees { families.append(try VACMViewTreeFamily(subtree: subtree)) }
        return try VACMView(name, families: families)
    }

    /// Adds a family, replacing one with the same subtree (the table's index is view name + subtree).
    public mutating func add(_ family: VACMViewTreeFamily) {
        families.removeAll { $0.subtree == family.subtree }
        let position = families.firstIndex { family.takesPrecedence(over: $0) } ?? families.endIndex
        families.insert(family, at: position)
        recomputeSkippable()
    }

    private mutating func recomputeSkippable() {
        skippable = families.indices.map { index in
            let family = families[index]
            guard family.type == .excluded, family.fixedArcCount == family.subtree.count else { return false }
            // Families before `index` outrank it; an included one whose region meets this subtree could
            // make part of it visible again.
            for other in families[..<index] where other.type == .included {
                let otherPrefix = other.fixedPrefix
                let mine = family.subtree.arcs[...]
                if otherPrefix.starts(with: mine) || mine.starts(with: otherPrefix) { return false }
            }
            return true
        }
    }

    /// RFC 3415 §3.2 step 5 / §5: `true` when the family deciding for `oid` includes it; no family
    /// matching means not in view.
    public func contains(_ oid: ObjectIdentifier) -> Bool {
        for family in families where family.matches(oid) {
            return family.type == .included
        }
        return false
    }

    /// When `oid` is hidden by an excluded subtree that nothing re-includes, the first OID after that
    /// subtree; otherwise `nil`. Lets GetNext skip a hidden table in one step instead of row by row.
    public func skipTarget(forHidden oid: ObjectIdentifier) -> ObjectIdentifier? {
        for (index, family) in families.enumerated() where family.matches(oid) {
            guard skippable[index] else { return nil }
            return Self.successor(ofSubtree: family.subtree)
        }
        return nil
    }

    /// `true` when no OID at or after `oid` can be in the view: `oid` lies beyond the region of every
    /// included family, so a GetNext can answer endOfMibView at once.
    public func isExhausted(at oid: ObjectIdentifier) -> Bool {
        for family in families where family.type == .included {
            let prefix = family.fixedPrefix
            let beyond = oid.withArcs { arcs in
                !arcs.starts(with: prefix) && Self.compare(arcs[...], prefix) >= 0
            }
            if !beyond { return false }
        }
        return true
    }

    /// The first OID after every OID that starts with `subtree`, or `nil` when there is none.
    static func successor(ofSubtree subtree: ObjectIdentifier) -> ObjectIdentifier? {
        var arcs = subtree.arcs
        while let last = arcs.last {
            if last < UInt32.max {
                arcs[arcs.count - 1] = last + 1
                return ObjectIdentifier(arcs)
            }
            arcs.removeLast()
        }
        return nil
    }

    static func compare(_ lhs: some Collection<UInt32>, _ rhs: some Collection<UInt32>) -> Int {
        for (l, r) in zip(lhs, rhs) where l != r { return l < r ? -1 : 1 }
        return lhs.count == rhs.count ? 0 : (lhs.count < rhs.count ? -1 : 1)
    }
}
