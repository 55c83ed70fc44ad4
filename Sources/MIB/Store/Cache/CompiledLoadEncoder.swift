/// Writes a ``CompiledLoad``: a string table (each distinct string once), a syntax table (each distinct
/// resolved syntax once), then the load itself as indexes into the two tables.
///
/// Interning keeps the file small and makes decoding cheap: a module name shared by a thousand nodes
/// is one `String` after decoding, retained a thousand times, not a thousand copies.
struct CompiledLoadEncoder {
    /// The two intern tables, in a class so that encoding into a writer does not also mutate `self`.
    private final class Tables {
        var strings: [String] = []
        var stringIndex: [String: Int] = [:]
        var syntaxes: [MIBSyntax] = []
        var syntaxIndex: [MIBSyntax: Int] = [:]
        var lastModule: (name: String, index: Int)?
    }

    private let tables = Tables()
    private var payload = CacheByteWriter(capacity: 1 << 20)

    var estimatedSize: Int { payload.bytes.count * 2 }

    mutating func encode(_ load: CompiledLoad) {
        var payload = CacheByteWriter(capacity: 1 << 20)
        defer { self.payload = payload }
        payload.varint(load.index.ordered.count)
        for entry in load.index.ordered {
            string(entry.module, into: &payload)
            string(entry.file, into: &payload)
        }
        let failed = load.failed.sorted { $0.key < $1.key }
        payload.varint(failed.count)
        for (name, error) in failed {
            string(name, into: &payload)
            encode(error, into: &payload)
        }
        for errors in [load.loadErrors, load.linkErrors] {
            payload.varint(errors.count)
            for error in errors { encode(error, into: &payload) }
        }
        let storage = load.tree.storage
        payload.varint(storage.modules.count)
        for i in storage.modules.indices { encode(storage.modules[i], into: &payload) }
        payload.varint(storage.nodes.count)
        for i in storage.nodes.indices { encode(storage.nodes[i], into: &payload) }
        // The trie as laid out in memory (breadth-first, children side by side): decoding needs no sorting.
        payload.varint(storage.entries.count)
        for entry in storage.entries {
            payload.varint(entry.arc)
            payload.varint(Int(entry.parent + 1))
            payload.varint(Int(entry.node + 1))
            payload.varint(Int(entry.firstChild))
            payload.varint(Int(entry.childCount))
        }
        let types = storage.types.sorted { $0.key < $1.key }
        payload.varint(types.count)
        for (module, byName) in types {
            string(module, into: &payload)
            payload.varint(byName.count)
            for (name, syntax) in byName.sorted(by: { $0.key < $1.key }) {
                string(name, into: &payload)
                payload.varint(intern(syntax))
            }
        }
    }

    /// Appends the string table, the syntax table and the payload.
    func finish(into writer: inout CacheByteWriter) {
        // Syntaxes add strings of their own, so they are encoded before the string table is written.
        var syntaxWriter = CacheByteWriter(capacity: tables.syntaxes.count * 16)
        syntaxWriter.varint(tables.syntaxes.count)
        for syntax in tables.syntaxes { encode(syntax, into: &syntaxWriter) }
        writer.varint(tables.strings.count)
        for var text in tables.strings {
            text.withUTF8 { writer.blob($0) }
        }
        writer.raw(syntaxWriter.bytes)
        writer.raw(payload.bytes)
    }

    // MARK: Values

    private func intern(_ text: String) -> Int {
        if let index = tables.stringIndex[text] { return index }
        let index = tables.strings.count
        tables.strings.append(text)
        tables.stringIndex[text] = index
        return index
    }

    private func intern(_ syntax: MIBSyntax) -> Int {
        if let index = tables.syntaxIndex[syntax] { return index }
        let index = tables.syntaxes.count
        tables.syntaxes.append(syntax)
        tables.syntaxIndex[syntax] = index
        return index
    }

    private func string(_ text: String, into writer: inout CacheByteWriter) {
        writer.varint(intern(text))
    }

    /// 0 for `nil`, else the string's index plus one.
    private func optional(_ text: String?, into writer: inout CacheByteWriter) {
        writer.varint(text.map { intern($0) + 1 } ?? 0)
    }

    /// 0 for `nil`, else the UTF-8 length plus one and the bytes.
    private static func text(_ text: String?, into writer: inout CacheByteWriter) {
        guard var text else {
            writer.byte(0)
            return
        }
        text.withUTF8 { bytes in
            writer.varint(bytes.count + 1)
            writer.raw(bytes)
        }
    }

    private func strings(_ list: [String], into writer: inout CacheByteWriter) {
        writer.varint(list.count)
        for text in list { string(text, into: &writer) }
    }

    private func encode(_ error: MIBError, into payload: inout CacheByteWriter) {
        payload.byte(error.code.cacheCode)
        string(error.reason, into: &payload)
        optional(error.file, into: &payload)
        optional(error.module, into: &payload)
        payload.varint(error.line)
        payload.varint(error.column)
    }

    private func encode(_ module: borrowing MIBModule, into payload: inout CacheByteWriter) {
        string(module.name, into: &payload)
        string(module.file, into: &payload)
        payload.bool(module.isSMIv2)
        payload.varint(module.imports.count)
        for clause in module.imports {
            string(clause.module, into: &payload)
            strings(clause.symbols, into: &payload)
        }
        strings(module.definedNames, into: &payload)
        strings(module.typeNames, into: &payload)
    }

    private func encode(_ node: borrowing MIBNode, into payload: inout CacheByteWriter) {
        string(node.name, into: &payload)
        // Nodes come module by module: remember the last module's index instead of hashing its name each time.
        if let last = tables.lastModule, last.name == node.module {
            payload.varint(last.index)
        } else {
            let index = intern(node.module)
            tables.lastModule = (node.module, index)
            payload.varint(index)
        }
        node.oid.withArcs { arcs in
            payload.varint(arcs.count)
            for arc in arcs { payload.varint(arc) }
        }
        payload.byte(node.kind.cacheCode)
        payload.varint(node.syntax.map { intern($0) + 1 } ?? 0)
        optional(node.access?.rawValue, into: &payload)
        optional(node.status?.rawValue, into: &payload)
        payload.varint(node.index.count)
        for part in node.index {
            string(part.name, into: &payload)
            payload.bool(part.implied)
        }
        optional(node.augments, into: &payload)
        optional(node.units, into: &payload)
        // Unique prose: written in place rather than interned (hashing it would only cost time).
        Self.text(node.description, into: &payload)
        Self.text(node.reference, into: &payload)
        Self.text(node.defaultValue, into: &payload)
        strings(node.objects, into: &payload)
    }

    private func encode(_ syntax: MIBSyntax, into writer: inout CacheByteWriter) {
        string(syntax.typeName, into: &writer)
        optional(syntax.textualConvention, into: &writer)
        optional(syntax.textualConventionModule, into: &writer)
        writer.byte(syntax.baseType.cacheCode)
        for list in [syntax.enumValues, syntax.bitLabels] {
            writer.varint(list.count)
            for named in list {
                string(named.name, into: &writer)
                writer.signed(named.value)
            }
        }
        for list in [syntax.ranges, syntax.sizes] {
            writer.varint(list.count)
            for range in list {
                Self.encode(range.lower, into: &writer)
                Self.encode(range.upper, into: &writer)
            }
        }
        optional(syntax.displayHint, into: &writer)
        optional(syntax.rowType, into: &writer)
    }

    private static func encode(_ value: MIBRangeValue, into writer: inout CacheByteWriter) {
        switch value {
        case .signed(let number):
            writer.byte(0)
            writer.signed(number)
        case .unsigned(let number):
            writer.byte(1)
            writer.varint(number)
        case .min:
            writer.byte(2)
        case .max:
            writer.byte(3)
        }
    }
}
