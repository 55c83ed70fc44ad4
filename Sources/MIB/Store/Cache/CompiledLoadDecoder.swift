import SNMPSMI

/// Reads what ``CompiledLoadEncoder`` wrote and rebuilds the tree's lookup tables.
///
/// Every index is checked against its table and every trie link against the entries before it, so a
/// damaged file throws ``CompiledCacheError`` instead of producing a tree that traps later.
struct CompiledLoadDecoder {
    private var reader: CacheByteReader
    private var strings: [String] = []
    private var syntaxes: [MIBSyntax] = []
    /// Scratch space for one OID's arcs, reused for every node.
    private var arcs: [UInt32] = []

    init(reader: CacheByteReader) {
        self.reader = reader
    }

    mutating func decode() throws(CompiledCacheError) -> CompiledLoad {
        let stringCount = try reader.count()
        strings.reserveCapacity(stringCount)
        for _ in 0..<stringCount {
            strings.append(String(decoding: try reader.blob(), as: UTF8.self))
        }
        let syntaxCount = try reader.count(minimumSize: 8)
        syntaxes.reserveCapacity(syntaxCount)
        for _ in 0..<syntaxCount { syntaxes.append(try syntax()) }

        var index = ModuleFileIndex()
        let orderedCount = try reader.count(minimumSize: 2)
        index.ordered.reserveCapacity(orderedCount)
        for _ in 0..<orderedCount {
            let module = try string()
            let file = try string()
            index.ordered.append((module, file))
            if index.files[module] == nil { index.files[module] = file }
        }
        var failed: [String: MIBError] = [:]
        for _ in 0..<(try reader.count(minimumSize: 2)) {
            let name = try string()
            failed[name] = try error()
        }
        let loadErrors = try errors()
        let linkErrors = try errors()
        var modules: [MIBModule] = []
        let moduleCount = try reader.count(minimumSize: 6)
        modules.reserveCapacity(moduleCount)
        for _ in 0..<moduleCount { modules.append(try module()) }
        let tree = try treeStorage(modules: modules)
        guard reader.isAtEnd else { throw CompiledCacheError(.malformed, "\(reader.remaining) trailing bytes") }
        return CompiledLoad(index: index, failed: failed, loadErrors: loadErrors, linkErrors: linkErrors, tree: tree)
    }

    // MARK: Tree

    private mutating func treeStorage(modules: [MIBModule]) throws(CompiledCacheError) -> MIBTree {
        let nodeCount = try reader.count(minimumSize: 14)
        var nodes: [MIBNode] = []
        nodes.reserveCapacity(nodeCount)
        var byLabel: [String: [Int32]] = [:]
        var byModule: [String: [String: Int32]] = [:]
        byLabel.reserveCapacity(nodeCount)
        for i in 0..<nodeCount {
            let node = try self.node()
            // The same bookkeeping as MIBTreeBuilder.addNode: every node under its label, the first per module.
            byLabel[node.name, default: []].append(Int32(i))
            if byModule[node.module]?[node.name] == nil { byModule[node.module, default: [:]][node.name] = Int32(i) }
            nodes.append(node)
        }
        let entryCount = try reader.count(minimumSize: 3)
        var entries: [MIBTree.TrieEntry] = [MIBTree.TrieEntry(arc: 0, parent: -1)]
        entries.reserveCapacity(entryCount + 1)
        for i in stride(from: 1, through: entryCount, by: 1) {
            let arc = try reader.uint32()
            let parent = try reader.index(below: i)
            let node = try reader.index(below: nodeCount + 1) - 1
            guard entries[parent].children.updateValue(Int32(i), forKey: arc) == nil else {
                throw CompiledCacheError(.malformed, "arc \(arc) twice under entry \(parent)")
            }
            entries.append(MIBTree.TrieEntry(arc: arc, parent: Int32(parent), node: Int32(node)))
        }
        var types: [String: [String: MIBSyntax]] = [:]
        for _ in 0..<(try reader.count(minimumSize: 2)) {
            let module = try string()
            var byName: [String: MIBSyntax] = [:]
            for _ in 0..<(try reader.count(minimumSize: 2)) {
                let name = try string()
                byName[name] = syntaxes[try reader.index(below: syntaxes.count)]
            }
            types[module] = byName
        }
        return MIBTree(
            storage: MIBTree.Storage(
                nodes: nodes, entries: entries, byLabel: byLabel, byModule: byModule, modules: modules, types: types))
    }

    private mutating func node() throws(CompiledCacheError) -> MIBNode {
        let name = try string()
        let module = try string()
        let arcCount = try reader.count()
        guard arcCount <= ObjectIdentifier.maximumArcCount else { throw CompiledCacheError(.malformed, "OID length") }
        arcs.removeAll(keepingCapacity: true)
        for _ in 0..<arcCount { arcs.append(try reader.uint32()) }
        let oid = arcs.withUnsafeBufferPointer { ObjectIdentifier($0) }
        let kind = MIBNodeKind.byCacheCode[try reader.enumNumber(below: MIBNodeKind.byCacheCode.count)]
        let syntaxNumber = try reader.index(below: syntaxes.count + 1)
        var node = MIBNode(
            name: name, module: module, oid: oid, kind: kind,
            syntax: syntaxNumber == 0 ? nil : syntaxes[syntaxNumber - 1],
            access: try optionalString().map(MIBAccess.init(rawValue:)),
            status: try optionalString().map(MIBStatus.init(rawValue:)))
        let indexCount = try reader.count(minimumSize: 2)
        if indexCount > 0 {
            node.index.reserveCapacity(indexCount)
            for _ in 0..<indexCount { node.index.append(MIBIndexPart(name: try string(), implied: try reader.bool())) }
        }
        node.augments = try optionalString()
        node.units = try optionalString()
        node.description = try optionalString()
        node.reference = try optionalString()
        node.defaultValue = try optionalString()
        node.objects = try stringList()
        return node
    }

    // MARK: Values

    private mutating func string() throws(CompiledCacheError) -> String {
        strings[try reader.index(below: strings.count)]
    }

    private mutating func optionalString() throws(CompiledCacheError) -> String? {
        let number = try reader.index(below: strings.count + 1)
        return number == 0 ? nil : strings[number - 1]
    }

    private mutating func stringList() throws(CompiledCacheError) -> [String] {
        let count = try reader.count()
        guard count > 0 else { return [] }
        var list: [String] = []
        list.reserveCapacity(count)
        for _ in 0..<count { list.append(try string()) }
        return list
    }

    private mutating func error() throws(CompiledCacheError) -> MIBError {
        guard let code = MIBError.Code(cacheCode: try reader.byte()) else {
            throw CompiledCacheError(.malformed, "error code")
        }
        return MIBError(
            code, try string(), file: try optionalString(), module: try optionalString(),
            line: Int(try reader.uint32()), column: Int(try reader.uint32()))
    }

    private mutating func errors() throws(CompiledCacheError) -> [MIBError] {
        let count = try reader.count(minimumSize: 6)
        var list: [MIBError] = []
        list.reserveCapacity(count)
        for _ in 0..<count { list.append(try error()) }
        return list
    }

    private mutating func module() throws(CompiledCacheError) -> MIBModule {
        let name = try string()
        let file = try string()
        let isSMIv2 = try reader.bool()
        var imports: [MIBImport] = []
        for _ in 0..<(try reader.count(minimumSize: 2)) {
            imports.append(MIBImport(module: try string(), symbols: try stringList()))
        }
        return MIBModule(
            name: name, file: file, isSMIv2: isSMIv2, imports: imports, definedNames: try stringList(),
            typeNames: try stringList())
    }

    private mutating func syntax() throws(CompiledCacheError) -> MIBSyntax {
        var syntax = MIBSyntax(
            typeName: try string(), textualConvention: try optionalString(), textualConventionModule: try optionalString(),
            baseType: MIBBaseType.byCacheCode[try reader.enumNumber(below: MIBBaseType.byCacheCode.count)])
        syntax.enumValues = try namedNumbers()
        syntax.bitLabels = try namedNumbers()
        syntax.ranges = try ranges()
        syntax.sizes = try ranges()
        syntax.displayHint = try optionalString()
        syntax.rowType = try optionalString()
        return syntax
    }

    private mutating func namedNumbers() throws(CompiledCacheError) -> [MIBNamedNumber] {
        let count = try reader.count(minimumSize: 2)
        guard count > 0 else { return [] }
        var list: [MIBNamedNumber] = []
        list.reserveCapacity(count)
        for _ in 0..<count { list.append(MIBNamedNumber(name: try string(), value: try reader.signed())) }
        return list
    }

    private mutating func ranges() throws(CompiledCacheError) -> [MIBRange] {
        let count = try reader.count(minimumSize: 2)
        guard count > 0 else { return [] }
        var list: [MIBRange] = []
        list.reserveCapacity(count)
        for _ in 0..<count { list.append(MIBRange(lower: try rangeValue(), upper: try rangeValue())) }
        return list
    }

    private mutating func rangeValue() throws(CompiledCacheError) -> MIBRangeValue {
        switch try reader.byte() {
        case 0: return .signed(try reader.signed())
        case 1: return .unsigned(try reader.varint())
        case 2: return .min
        case 3: return .max
        default: throw CompiledCacheError(.malformed, "range value tag")
        }
    }
}

extension CacheByteReader {
    /// A one-byte enum number below `limit`.
    mutating func enumNumber(below limit: Int) throws(CompiledCacheError) -> Int {
        let value = Int(try self.byte())
        guard value < limit else { throw CompiledCacheError(.malformed, "enum number \(value)") }
        return value
    }
}
