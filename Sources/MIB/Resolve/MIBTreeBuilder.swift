internal import SNMPSMI

/// A parsed module with the file it came from, as handed to the builder in load order.
struct LoadedModule: Sendable {
    var parsed: ParsedModule
    var file: String
}

/// Links parsed modules into a ``MIBTree``: resolves OID values and types across IMPORTS and builds the trie.
///
/// Name lookup follows Net-SNMP rather than strict SMI: a name is looked up in its own module, then in the
/// module it is imported from, then in any loaded module (so a missing IMPORT of a well-known name still
/// works), then among the well-known SMI roots.
final class MIBTreeBuilder {
    enum OIDState {
        case unresolved, visiting, failed
        case resolved([UInt32])
    }

    let modules: [LoadedModule]
    var moduleByName: [String: Int] = [:]
    var definitionsByName: [[String: Int]] = []
    var importedFrom: [[String: String]] = []
    /// First (module, definition) in load order that defines each name.
    var firstDefinition: [String: (Int, Int)] = [:]
    var oidStates: [[OIDState]] = []
    var typeMemo: [Int: [Int: MIBSyntax]] = [:]
    /// Definitions being resolved, as `module << 32 | definition`, to catch types defined through themselves.
    var typeVisiting: Set<Int> = []
    var errors: [MIBError] = []

    /// A trie entry while the tree grows; ``frozenTrie()`` lays them out as ``MIBTree/TrieEntry``.
    struct GrowingEntry {
        var arc: UInt32
        var parent: Int32
        var children: [UInt32: Int32] = [:]
        var node: Int32 = -1
    }

    var nodes: [MIBNode] = []
    var entries: [GrowingEntry] = [GrowingEntry(arc: 0, parent: -1)]

    /// SMI names that Net-SNMP knows even when no module defining them is loaded (RFC 1155 §3.1, RFC 2578 §2).
    static let wellKnown: [String: [UInt32]] = [
        "ccitt": [0], "iso": [1], "joint-iso-ccitt": [2], "zeroDotZero": [0, 0],
        "org": [1, 3], "dod": [1, 3, 6], "internet": [1, 3, 6, 1], "directory": [1, 3, 6, 1, 1],
        "mgmt": [1, 3, 6, 1, 2], "mib-2": [1, 3, 6, 1, 2, 1], "transmission": [1, 3, 6, 1, 2, 1, 10],
        "experimental": [1, 3, 6, 1, 3], "private": [1, 3, 6, 1, 4], "enterprises": [1, 3, 6, 1, 4, 1],
        "security": [1, 3, 6, 1, 5], "snmpV2": [1, 3, 6, 1, 6], "snmpDomains": [1, 3, 6, 1, 6, 1],
        "snmpProxys": [1, 3, 6, 1, 6, 2], "snmpModules": [1, 3, 6, 1, 6, 3],
    ]

    init(modules: [LoadedModule]) {
        self.modules = modules
        // Backwards, so that plain assignment leaves the first definition in load order (one hash per name).
        // Definitions are read in place (`modules[m].parsed.definitions[d].name`): copying one copies a
        // dozen strings and arrays, and this runs for every definition of every module.
        definitionsByName = Array(repeating: [:], count: modules.count)
        importedFrom = Array(repeating: [:], count: modules.count)
        oidStates.reserveCapacity(modules.count)
        for m in modules.indices.reversed() {
            moduleByName[modules[m].parsed.name] = m
            var names: [String: Int] = [:]
            names.reserveCapacity(modules[m].parsed.definitions.count)
            for d in modules[m].parsed.definitions.indices.reversed() {
                let name = modules[m].parsed.definitions[d].name
                names[name] = d
                firstDefinition[name] = (m, d)
            }
            definitionsByName[m] = names
            var imported: [String: String] = [:]
            for clause in modules[m].parsed.imports.reversed() {
                for symbol in clause.symbols.reversed() { imported[symbol] = clause.module }
            }
            importedFrom[m] = imported
        }
        for module in modules {
            oidStates.append(Array(repeating: .unresolved, count: module.parsed.definitions.count))
        }
    }

    func build() -> (tree: MIBTree, errors: [MIBError]) {
        // The three ASN.1 roots exist without any module (X.208 Annex B).
        for (name, arc) in [("ccitt", UInt32(0)), ("iso", 1), ("joint-iso-ccitt", 2)] {
            addNode(MIBNode(name: name, module: "", oid: ObjectIdentifier([arc]), kind: .implicit))
        }
        for m in modules.indices {
            for d in modules[m].parsed.definitions.indices {
                if let node = makeNode(m, d) { addNode(node) }
            }
        }
        classifyColumns()
        let tree = MIBTree(
            storage: MIBTree.Storage(
                nodes: nodes, entries: frozenTrie(), modules: modules.map(describe), types: resolvedTypes()))
        return (tree, errors)
    }

    func describe(_ module: LoadedModule) -> MIBModule {
        var defined: [String] = []
        var types: [String] = []
        let definitions = module.parsed.definitions
        for d in definitions.indices {
            switch definitions[d].kind {
            case .textualConvention, .typeAssignment: types.append(definitions[d].name)
            case .macro, .otherValue: break
            default: defined.append(definitions[d].name)
            }
        }
        return MIBModule(
            name: module.parsed.name, file: module.file, isSMIv2: module.parsed.isSMIv2,
            imports: module.parsed.imports.map { MIBImport(module: $0.module, symbols: $0.symbols) },
            definedNames: defined, typeNames: types)
    }

    // MARK: Name scope

    /// The definition `name` refers to from module `m`.
    func find(_ name: String, from m: Int) -> (Int, Int)? {
        if let d = definitionsByName[m][name] { return (m, d) }
        if let source = importedFrom[m][name], let sm = moduleByName[source], let d = definitionsByName[sm][name] {
            return (sm, d)
        }
        return firstDefinition[name]
    }

    func error(_ code: MIBError.Code, _ reason: String, _ m: Int, _ position: SourcePosition) -> MIBError {
        MIBError(
            code, reason, file: modules[m].file, module: modules[m].parsed.name,
            line: position.line, column: position.column)
    }

    // MARK: OIDs

    /// The OID of definition `d` in module `m`, or `nil` (with an error recorded once) when it cannot resolve.
    func resolveOID(_ m: Int, _ d: Int) -> [UInt32]? {
        switch oidStates[m][d] {
        case .resolved(let arcs): return arcs
        case .failed, .visiting: return nil
        case .unresolved: break
        }
        oidStates[m][d] = .visiting
        // Borrowed, not copied: a definition holds a dozen strings and arrays, and this runs for all of them.
        let arcs = computeOID(modules[m].parsed.definitions[d], m)
        oidStates[m][d] = arcs.map { .resolved($0) } ?? .failed
        return arcs
    }

    private func computeOID(_ definition: borrowing ParsedDefinition, _ m: Int) -> [UInt32]? {
        if definition.kind == .trapType {
            guard let enterprise = definition.enterprise, let number = definition.trapNumber,
                let base = resolveName(enterprise, from: m, for: definition)
            else { return nil }
            // RFC 2576 §3.1: an SMIv1 trap's SNMPv2 identity is enterprise.0.specific-trap.
            return base + [0, number]
        }
        guard let first = definition.oid.first else { return nil }
        var arcs: [UInt32]
        if let number = first.number {
            arcs = [number]
        } else if let name = first.name, let base = resolveName(name, from: m, for: definition) {
            arcs = base
        } else {
            return nil
        }
        for component in definition.oid.dropFirst() {
            guard let number = component.number else {
                errors.append(error(.syntax, "OID component '\(component.name ?? "")' of \(definition.name) has no number", m, definition.position))
                return nil
            }
            arcs.append(number)
        }
        return arcs
    }

    private func resolveName(_ name: String, from m: Int, for definition: borrowing ParsedDefinition) -> [UInt32]? {
        if let (tm, td) = find(name, from: m), modules[tm].parsed.definitions[td].kind != .textualConvention {
            if case .visiting = oidStates[tm][td] {
                errors.append(error(.unresolvedName, "circular OID definition through '\(name)' in \(definition.name)", m, definition.position))
                return nil
            }
            if let arcs = resolveOID(tm, td) { return arcs }
            // The definition failed and has its own error; fall back on a well-known value silently.
            return Self.wellKnown[name]
        }
        if let arcs = Self.wellKnown[name] { return arcs }
        errors.append(error(.unresolvedName, "unknown name '\(name)' in the OID of \(definition.name)", m, definition.position))
        return nil
    }

    // MARK: Nodes

    private func makeNode(_ m: Int, _ d: Int) -> MIBNode? {
        makeNode(modules[m].parsed.definitions[d], m, d)
    }

    private func makeNode(_ definition: borrowing ParsedDefinition, _ m: Int, _ d: Int) -> MIBNode? {
        let kind: MIBNodeKind
        switch definition.kind {
        case .objectIdentifier: kind = .objectIdentifier
        case .moduleIdentity: kind = .moduleIdentity
        case .objectIdentity: kind = .objectIdentity
        case .objectType: kind = .scalar
        case .notificationType: kind = .notification
        case .trapType: kind = .trap
        case .objectGroup: kind = .objectGroup
        case .notificationGroup: kind = .notificationGroup
        case .moduleCompliance: kind = .moduleCompliance
        case .agentCapabilities: kind = .agentCapabilities
        case .textualConvention, .typeAssignment, .macro, .otherValue: return nil
        }
        guard let arcs = resolveOID(m, d) else { return nil }
        let moduleName = modules[m].parsed.name
        addImplicitArcs(definition, arcs: arcs, module: moduleName)
        var node = MIBNode(
            name: definition.name, module: moduleName, oid: ObjectIdentifier(arcs), kind: kind,
            access: definition.access.map(MIBAccess.init(rawValue:)),
            status: definition.status.map(MIBStatus.init(rawValue:)),
            index: definition.index.map { MIBIndexPart(name: $0.name, implied: $0.implied) },
            augments: definition.augments, units: definition.units, description: definition.description,
            reference: definition.reference, defaultValue: definition.defaultValue, objects: definition.objects)
        if let syntax = definition.syntax {
            node.syntax = resolveType(syntax, in: m, position: definition.position)
        }
        if kind == .scalar {
            if node.syntax?.baseType == .sequenceOf {
                node.kind = .table
            } else if !node.index.isEmpty || node.augments != nil || node.syntax?.baseType == .sequence {
                node.kind = .row
            }
        }
        return node
    }

    /// Names given inside an OID value (`org(3)` in `{ iso org(3) dod(6) 1 }`) become nodes of their own,
    /// as Net-SNMP's tree has them.
    private func addImplicitArcs(_ definition: borrowing ParsedDefinition, arcs: [UInt32], module: String) {
        guard definition.oid.count > 1 else { return }
        let prefixLength = arcs.count - definition.oid.count
        for (position, component) in definition.oid.enumerated().dropLast() {
            guard let name = component.name, component.number != nil else { continue }
            let oid = ObjectIdentifier(Array(arcs[..<(prefixLength + position + 1)]))
            let entry = insert(oid)
            if entries[Int(entry)].node < 0 {
                addNode(MIBNode(name: name, module: module, oid: oid, kind: .implicit))
            }
        }
    }

    /// The trie entry for `oid`, created with its ancestors when missing.
    func insert(_ oid: ObjectIdentifier) -> Int32 {
        var current: Int32 = 0
        for arc in oid.arcs {
            if let next = entries[Int(current)].children[arc] {
                current = next
            } else {
                let next = Int32(entries.count)
                entries.append(GrowingEntry(arc: arc, parent: current))
                entries[Int(current)].children[arc] = next
                current = next
            }
        }
        return current
    }

    @discardableResult
    func addNode(_ node: MIBNode) -> Int32 {
        let index = Int32(nodes.count)
        nodes.append(node)
        let entry = insert(node.oid)
        let existing = entries[Int(entry)].node
        // The first module loaded names the arc (Net-SNMP keeps the first tree node); a real definition
        // replaces a name that was only given in passing inside another OID value.
        if existing < 0 || (nodes[Int(existing)].kind == .implicit && node.kind != .implicit) {
            entries[Int(entry)].node = index
        }
        return index
    }

    /// An OBJECT-TYPE directly under a row is a column (RFC 2578 §7.1.12).
    private func classifyColumns() {
        for i in nodes.indices where nodes[i].kind == .scalar {
            let entry = insertedEntry(nodes[i].oid)
            let parent = entries[Int(entry)].parent
            guard parent > 0 else { continue }
            let parentNode = entries[Int(parent)].node
            if parentNode >= 0, nodes[Int(parentNode)].kind == .row { nodes[i].kind = .column }
        }
    }

    private func insertedEntry(_ oid: ObjectIdentifier) -> Int32 {
        var current: Int32 = 0
        for arc in oid.arcs {
            guard let next = entries[Int(current)].children[arc] else { return current }
            current = next
        }
        return current
    }

    /// The trie in breadth-first order with each entry's children side by side, sorted by arc, so lookups
    /// binary-search a slice instead of hashing (and the cache can store the layout as it is).
    func frozenTrie() -> [MIBTree.TrieEntry] {
        var frozen = [MIBTree.TrieEntry(arc: 0, parent: -1, node: entries[0].node)]
        frozen.reserveCapacity(entries.count)
        var source: [Int32] = [0]
        source.reserveCapacity(entries.count)
        var position = 0
        while position < source.count {
            let children = entries[Int(source[position])].children.sorted { $0.key < $1.key }
            frozen[position].firstChild = Int32(frozen.count)
            frozen[position].childCount = Int32(children.count)
            for (arc, child) in children {
                frozen.append(MIBTree.TrieEntry(arc: arc, parent: Int32(position), node: entries[Int(child)].node))
                source.append(child)
            }
            position += 1
        }
        return frozen
    }
}
