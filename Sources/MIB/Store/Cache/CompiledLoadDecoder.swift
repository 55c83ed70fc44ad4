import SNMPSMI

/// Reads what ``CompiledLoadEncoder`` wrote and rebuilds the tree's lookup tables.
///
/// Every index is checked against its table and every trie link against the entries before it, so a
/// damaged file throws ``CompiledCacheError`` instead of producing a tree that traps later.
struct CompiledLoadDecoder {
    private var reader: CacheByteReader
    private var strings: [String] = []
    private var syntaxes: [MIBSyntax] = []
    /// One box per distinct syntax, shared by all the nodes that have it.
    private var syntaxBoxes: [MIBNode.SyntaxBox] = []
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
        syntaxBoxes = syntaxes.map(MIBNode.SyntaxBox.init)

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
        for _ in 0..<nodeCount { nodes.append(try node()) }
        let entries = try trie(nodeCount: nodeCount)
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
        return MIBTree(storage: MIBTree.Storage(nodes: nodes, entries: entries, modules: modules, types: types))
    }

    /// The trie, checked to be one: every child range inside the array and after its parent, every child
    /// pointing back at its parent, arcs strictly increasing in a range, every entry but the root in a range.
    private mutating func trie(nodeCount: Int) throws(CompiledCacheError) -> [MIBTree.TrieEntry] {
        let count = try reader.count(minimumSize: 5)
        guard count >= 1 else { throw CompiledCacheError(.malformed, "empty trie") }
        var entries: [MIBTree.TrieEntry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            entries.append(
                MIBTree.TrieEntry(
                    arc: try reader.uint32(), parent: Int32(try reader.index(below: count + 1) - 1),
                    node: Int32(try reader.index(below: nodeCount + 1) - 1),
                    firstChild: Int32(try reader.index(below: count + 1)), childCount: Int32(try reader.index(below: count))))
        }
        guard entries[0].parent == -1 else { throw CompiledCacheError(.malformed, "root has a parent") }
        var listed = 0
        for (position, entry) in entries.enumerated() where entry.childCount > 0 {
            let first = Int(entry.firstChild)
            let end = first + Int(entry.childCount)
            guard first > position, end <= count else { throw CompiledCacheError(.malformed, "child range of \(position)") }
            var previous: UInt32?
            for child in first..<end {
                guard entries[child].parent == Int32(position), previous.map({ $0 < entries[child].arc }) ?? true else {
                    throw CompiledCacheError(.malformed, "child \(child) of \(position)")
                }
                previous = entries[child].arc
            }
            listed += end - first
        }
        guard listed == count - 1 else { throw CompiledCacheError(.malformed, "\(count - 1 - listed) unlisted entries") }
        return entries
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
        let access = try optionalString().map(MIBAccess.init(rawValue:))
        let status = try optionalString().map(MIBStatus.init(rawValue:))
        var details = MIBNode.DetailValues()
        let indexCount = try reader.count(minimumSize: 2)
        if indexCount > 0 {
            details.index.reserveCapacity(indexCount)
            for _ in 0..<indexCount { details.index.append(MIBIndexPart(name: try string(), implied: try reader.bool())) }
        }
        details.augments = try optionalString()
        details.units = try optionalString()
        details.description = try text()
        details.reference = try text()
        details.defaultValue = try text()
        details.objects = try stringList()
        let node = MIBNode(
            name: name, module: module, oid: oid, kind: kind,
            sharedSyntax: syntaxNumber == 0 ? nil : syntaxBoxes[syntaxNumber - 1], access: access, status: status,
            details: details)
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

    /// Text written in place: 0 for `nil`, else its length plus one and the UTF-8 bytes.
    private mutating func text() throws(CompiledCacheError) -> String? {
        let number = try reader.count()
        guard number > 0 else { return nil }
        return String(decoding: try reader.raw(number - 1), as: UTF8.self)
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
