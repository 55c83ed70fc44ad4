public import SNMPSMI

/// An immutable snapshot of the loaded MIB modules: the OID tree with every node's definition.
///
/// A `MIBTree` is a value: lookups read it without locks, and it can be handed to any task.
/// Get one from ``MIBStore/tree`` after loading modules.
///
/// ```swift
/// let tree = store.tree
/// let oid = try tree.oid(for: "IF-MIB::ifDescr.3")        // 1.3.6.1.2.1.2.2.1.2.3
/// let match = tree.lookup(oid)                             // ifDescr + index [3]
/// tree.fullLabelPath(for: oid)   // ".iso.org.dod.internet.mgmt.mib-2.interfaces.ifTable.ifEntry.ifDescr.3"
/// ```
public struct MIBTree: Sendable {
    let storage: Storage

    init(storage: Storage) {
        self.storage = storage
    }

    /// A tree with only the three ASN.1 roots (`ccitt(0)`, `iso(1)`, `joint-iso-ccitt(2)`), as Net-SNMP
    /// has with no MIBs loaded.
    public init() {
        self = MIBTreeBuilder(modules: []).build().tree
    }

    /// The loaded modules, in load order.
    public var modules: [MIBModule] { storage.modules }

    /// The module called `name`, if loaded.
    public func module(named name: String) -> MIBModule? {
        storage.moduleIndex[name].map { storage.modules[$0] }
    }

    /// Every node, in load order (modules in load order, definitions in source order).
    public var nodes: [MIBNode] { storage.nodes }

    /// The node a module defines under `name`; with `module == nil`, the one Net-SNMP's random-access
    /// lookup (`-IR`, `find_tree_node` with any module) finds.
    ///
    /// Net-SNMP links each new tree node at the head of its label's hash chain, and a module that defines a
    /// label again at an OID already in the tree only joins that node. So among the distinct OIDs a descriptor
    /// names, the one linked last wins: `linux` loaded from NET-SNMP-TC then UCD-SNMP-MIB is UCD's
    /// `.1.3.6.1.4.1.2021.250.10`, and the other way round NET-SNMP-TC's `.1.3.6.1.4.1.8072.3.2.10`.
    public func node(named name: String, module: String? = nil) -> MIBNode? {
        if let module {
            return storage.nodeIndex(named: name, module: module).map { storage.nodes[Int($0)] }
        }
        guard let first = storage.firstWithLabel[name] else { return nil }
        guard storage.nextWithLabel[Int(first)] >= 0 else { return storage.nodes[Int(first)] }
        // Several definitions: the first node of the OID that appeared last.
        var seen: Set<ObjectIdentifier> = []
        var chosen = first
        for index in storage.nodeIndexes(named: name) where seen.insert(storage.nodes[Int(index)].oid).inserted {
            chosen = index
        }
        return storage.nodes[Int(chosen)]
    }

    /// Every node defined under `name`, in load order (a descriptor may be defined by several modules).
    public func nodes(named name: String) -> [MIBNode] {
        storage.nodeIndexes(named: name).map { storage.nodes[Int($0)] }
    }

    /// The resolved syntax of a TEXTUAL-CONVENTION or type assignment.
    public func type(named name: String, module: String) -> MIBSyntax? {
        storage.types[module]?[name]
    }

    /// The node exactly at `oid`.
    public func node(at oid: ObjectIdentifier) -> MIBNode? {
        let (entry, matched) = deepestEntry(oid)
        guard matched == oid.count else { return nil }
        let node = storage.entries[Int(entry)].node
        return node >= 0 ? storage.nodes[Int(node)] : nil
    }

    /// The nodes directly below `oid` that have names, in arc order.
    public func children(of oid: ObjectIdentifier) -> [MIBNode] {
        let (entry, matched) = deepestEntry(oid)
        guard matched == oid.count else { return [] }
        let parent = storage.entries[Int(entry)]
        let children = Int(parent.firstChild)..<Int(parent.firstChild + parent.childCount)
        return children.compactMap { child in
            let node = storage.entries[child].node
            return node >= 0 ? storage.nodes[Int(node)] : nil
        }
    }

    /// The deepest trie entry on `oid`'s path and how many arcs it covers.
    func deepestEntry(_ oid: ObjectIdentifier) -> (entry: Int32, matched: Int) {
        var current: Int32 = 0
        var matched = 0
        for arc in oid.arcs {
            guard let next = storage.child(of: current, arc: arc) else { break }
            current = next
            matched += 1
        }
        return (current, matched)
    }

    /// The longest loaded prefix of `oid` that has a name, and the arcs after it (the instance index).
    ///
    /// `1.3.6.1.2.1.2.2.1.2.3` gives `ifDescr` with index `[3]`. `nil` only for an empty OID.
    public func lookup(_ oid: ObjectIdentifier) -> MIBMatch? {
        var current: Int32 = 0
        var best: (node: Int32, length: Int)?
        var depth = 0
        for arc in oid.arcs {
            guard let next = storage.child(of: current, arc: arc) else { break }
            current = next
            depth += 1
            let node = storage.entries[Int(current)].node
            if node >= 0 { best = (node, depth) }
        }
        guard let best else { return nil }
        return MIBMatch(node: storage.nodes[Int(best.node)], index: Array(oid.arcs[best.length...]))
    }
}

/// The result of an OID -> name lookup: the deepest named node and the remaining arcs.
public struct MIBMatch: Hashable, Sendable {
    /// The deepest node on the OID's path that a module names.
    public var node: MIBNode
    /// The arcs after `node.oid` (for an object instance, its index).
    public var index: [UInt32]

    /// Creates a match.
    public init(node: MIBNode, index: [UInt32]) {
        self.node = node
        self.index = index
    }
}
