extension MIBTree {
    /// The shared, immutable contents of a tree.
    ///
    /// Built for cheap construction as much as for lookups, because a tree is built (or read from the
    /// compiled cache) on every start: the trie is one flat array with each entry's children stored
    /// next to each other in arc order (binary search, no dictionary per entry), and descriptors are
    /// indexed by one dictionary plus a chain through the nodes that share a descriptor.
    final class Storage: Sendable {
        let nodes: [MIBNode]
        /// The OID trie in breadth-first order; entry 0 is the unnamed root.
        let entries: [TrieEntry]
        /// The first node (in load order) defined under each descriptor.
        let firstWithLabel: [String: Int32]
        /// For each node, the next node in load order with the same descriptor, or -1.
        let nextWithLabel: [Int32]
        let modules: [MIBModule]
        let moduleIndex: [String: Int]
        /// Resolved syntax of TEXTUAL-CONVENTIONs and type assignments, per module.
        let types: [String: [String: MIBSyntax]]

        /// - Parameter entries: a trie in the layout ``TrieEntry`` describes (see ``MIBTreeBuilder`` and
        ///   the cache decoder, which both produce it).
        init(nodes: [MIBNode], entries: [TrieEntry], modules: [MIBModule], types: [String: [String: MIBSyntax]]) {
            self.nodes = nodes
            self.entries = entries
            // Backwards, so each descriptor ends up pointing at its first node and each node at the next
            // one: one hash per node.
            var first: [String: Int32] = [:]
            first.reserveCapacity(nodes.count)
            var next = [Int32](repeating: -1, count: nodes.count)
            for i in nodes.indices.reversed() {
                if let later = first.updateValue(Int32(i), forKey: nodes[i].name) { next[i] = later }
            }
            self.firstWithLabel = first
            self.nextWithLabel = next
            self.modules = modules
            var moduleIndex: [String: Int] = [:]
            for (i, module) in modules.enumerated() where moduleIndex[module.name] == nil { moduleIndex[module.name] = i }
            self.moduleIndex = moduleIndex
            self.types = types
        }

        /// The child of `entry` at `arc`.
        @inline(__always)
        func child(of entry: Int32, arc: UInt32) -> Int32? {
            let parent = entries[Int(entry)]
            var low = Int(parent.firstChild)
            var high = low + Int(parent.childCount)
            while low < high {
                let middle = (low + high) / 2
                let candidate = entries[middle].arc
                if candidate == arc { return Int32(middle) }
                if candidate < arc { low = middle + 1 } else { high = middle }
            }
            return nil
        }

        /// Node indexes defined under `label`, in load order.
        func nodeIndexes(named label: String) -> [Int32] {
            guard var index = firstWithLabel[label] else { return [] }
            var result: [Int32] = []
            while index >= 0 {
                result.append(index)
                index = nextWithLabel[Int(index)]
            }
            return result
        }

        /// The first node in load order that `module` defines under `label`.
        func nodeIndex(named label: String, module: String) -> Int32? {
            guard var index = firstWithLabel[label] else { return nil }
            while index >= 0 {
                if nodes[Int(index)].module == module { return index }
                index = nextWithLabel[Int(index)]
            }
            return nil
        }
    }

    /// One arc of the OID trie. Its children are `entries[firstChild ..< firstChild + childCount]`,
    /// sorted by arc.
    struct TrieEntry: Sendable, Equatable {
        var arc: UInt32
        var parent: Int32
        /// The node named at this arc (the first module loaded wins, as in Net-SNMP), or -1.
        var node: Int32 = -1
        var firstChild: Int32 = 0
        var childCount: Int32 = 0
    }
}
