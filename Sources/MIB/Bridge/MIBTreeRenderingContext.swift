public import SNMPSMI

/// The ``MIBRenderingContext`` over a loaded ``MIBTree``: names with decoded table indexes and the
/// MIB's display information, so ``NetSNMPRenderer`` prints what Net-SNMP prints with the same MIBs.
///
/// ```swift
/// let store = MIBStore(searchPath: ["./mibs"])
/// store.loadAll()
/// let renderer = NetSNMPRenderer(context: MIBTreeRenderingContext(tree: store.tree))
/// renderer.name(of: "1.3.6.1.6.3.16.1.2.1.3.1.5.99.111.109.109.49")
/// // SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.1."comm1"
/// ```
public struct MIBTreeRenderingContext: MIBRenderingContext {
    /// The MIB snapshot names come from.
    public let tree: MIBTree

    /// Creates a context over a snapshot.
    public init(tree: MIBTree) {
        self.tree = tree
    }

    /// Labels from the root to the deepest named node, its module, and the index suffix decoded
    /// per the row's INDEX clause (AUGMENTS: the base row's).
    public func resolveName(of oid: ObjectIdentifier, options: OutputOptions) -> ResolvedObjectName? {
        guard let path = tree.namedPath(oid) else { return nil }
        let arcs = oid.arcs[path.length...]
        var index = MIBIndexDecoder.numeric(arcs)
        if !arcs.isEmpty, let decoder = indexDecoder(forColumn: path.node) {
            index = decoder.suffix(for: arcs, options: options) { value in
                NetSNMPRenderer(options: options, context: self).name(of: value)
            }
        }
        return ResolvedObjectName(labels: path.labels, moduleName: path.node.module.isEmpty ? nil : path.node.module,
                                  index: index)
    }

    /// The display information of the OBJECT-TYPE `oid` is an instance of.
    public func displayInfo(for oid: ObjectIdentifier) -> ObjectDisplayInfo? {
        guard let match = tree.lookup(oid), let syntax = match.node.syntax else { return nil }
        switch match.node.kind {
        case .scalar, .column: return Self.displayInfo(syntax, units: match.node.units)
        default: return nil
        }
    }

    /// The display information a syntax gives (Net-SNMP's printer choice by base type, enums or BITS labels,
    /// the hint of the nearest TEXTUAL-CONVENTION, UNITS).
    public static func displayInfo(_ syntax: MIBSyntax, units: String?) -> ObjectDisplayInfo {
        let kind: ObjectDisplayInfo.Syntax
        switch syntax.baseType {
        case .integer, .integer32: kind = .integer
        case .unsigned32, .gauge32: kind = .gauge32
        case .counter32: kind = .counter32
        case .counter64: kind = .counter64
        case .timeTicks: kind = .timeTicks
        case .ipAddress: kind = .ipAddress
        case .networkAddress: kind = .networkAddress
        case .nsapAddress: kind = .nsapAddress
        case .uInteger32: kind = .uinteger32
        case .opaque: kind = .opaque
        case .octetString: kind = .octetString
        case .objectIdentifier: kind = .objectIdentifier
        case .bits: kind = .bits
        case .null: kind = .null
        case .sequence, .sequenceOf, .choice, .unknown: kind = .other
        }
        let labels = syntax.baseType == .bits ? syntax.bitLabels : syntax.enumValues
        var enums: [Int64: String] = [:]
        for label in labels where enums[label.value] == nil { enums[label.value] = label.name }
        return ObjectDisplayInfo(syntax: kind, enumLabels: enums, displayHint: syntax.displayHint, units: units)
    }

    /// The INDEX decoder of the row `column` belongs to, or `nil` when `column` is not a table column.
    public func indexDecoder(forColumn column: MIBNode) -> MIBIndexDecoder? {
        guard column.kind == .column, let row = tree.node(at: ObjectIdentifier(column.oid.arcs.dropLast())) else {
            return nil
        }
        return indexDecoder(forRow: row)
    }

    /// The INDEX decoder of a row (for an AUGMENTS row, the base row's INDEX).
    public func indexDecoder(forRow row: MIBNode) -> MIBIndexDecoder? {
        var row = row
        var hops = 0
        while row.index.isEmpty, let base = row.augments, hops < 8 {
            guard let next = tree.node(named: base, module: row.module) ?? tree.node(named: base) else { return nil }
            row = next
            hops += 1
        }
        guard !row.index.isEmpty else { return nil }
        return MIBIndexDecoder(components: row.index.map { component(for: $0, module: row.module) })
    }

    func component(for part: MIBIndexPart, module: String) -> MIBIndexComponent {
        let syntax: MIBSyntax?
        if let node = tree.node(named: part.name, module: module) ?? tree.node(named: part.name), node.syntax != nil {
            syntax = node.syntax
        } else if let base = MIBBaseType.builtIn(part.name) {
            // SMIv1 allows a type name in INDEX (RFC 1212 §4.1.6).
            syntax = MIBSyntax(typeName: part.name, baseType: base)
        } else {
            syntax = tree.type(named: part.name, module: module)
        }
        return MIBIndexComponent(name: part.name, kind: Self.indexKind(syntax), implied: part.implied)
    }

    static func indexKind(_ syntax: MIBSyntax?) -> MIBIndexKind {
        guard let syntax else { return .integer(enums: [:]) }
        switch syntax.baseType {
        case .ipAddress: return .ipAddress
        case .networkAddress: return .networkAddress
        case .objectIdentifier: return .objectIdentifier
        case .octetString, .opaque, .nsapAddress, .bits:
            var fixed: Int?
            if syntax.sizes.count == 1, let size = syntax.sizes.first, size.lower == size.upper,
               case .signed(let n) = size.lower {
                fixed = Int(n)
            }
            return .octetString(fixedLength: fixed, hint: syntax.displayHint,
                                inetAddress: syntax.textualConvention == "InetAddress")
        default:
            var enums: [Int64: String] = [:]
            for label in syntax.enumValues where enums[label.value] == nil { enums[label.value] = label.name }
            return .integer(enums: enums)
        }
    }
}

extension MIBTree {
    /// The labels from the root to the deepest named node on `oid`'s path (unnamed arcs as numbers),
    /// that node, and how many arcs it covers.
    func namedPath(_ oid: ObjectIdentifier) -> (labels: [String], node: MIBNode, length: Int)? {
        var current: Int32 = 0
        var depth = 0
        var best: (node: Int32, length: Int)?
        for arc in oid.arcs {
            guard let next = storage.child(of: current, arc: arc) else { break }
            current = next
            depth += 1
            let node = storage.entries[Int(current)].node
            if node >= 0 { best = (node, depth) }
        }
        guard let best else { return nil }
        var labels: [String] = []
        labels.reserveCapacity(best.length)
        current = 0
        for arc in oid.arcs.prefix(best.length) {
            guard let next = storage.child(of: current, arc: arc) else { break }
            current = next
            let node = storage.entries[Int(current)].node
            labels.append(node >= 0 ? storage.nodes[Int(node)].name : String(arc))
        }
        return (labels, storage.nodes[Int(best.node)], best.length)
    }
}
