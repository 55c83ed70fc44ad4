public import SNMPSMI

/// Textual object names <-> OIDs, in the forms Net-SNMP's tools accept and print.
extension MIBTree {
    /// The arcs of `mib-2`, which Net-SNMP's `read_objid` puts in front of a relative name without `-IR`.
    static let mib2Prefix: [UInt32] = [1, 3, 6, 1, 2, 1]

    /// Parses an object name into an OID.
    ///
    /// Accepted forms (as Net-SNMP's `snmp_parse_oid`):
    /// - `MODULE::label` plus an optional index: `IF-MIB::ifDescr.3`, `SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.1."comm1"`;
    /// - dotted numbers, with or without a leading dot: `.1.3.6.1.2.1.1.1.0`, `1.3.6.1`;
    /// - a path of labels and numbers from the root: `.iso.org.dod.internet.mgmt.mib-2.system.sysDescr.0`;
    /// - `label.index`: with `randomAccess` (Net-SNMP's `-IR`, its default for snmpget and friends) the label is
    ///   looked up in every loaded module; without it, the name is relative to `mib-2` (`system.sysDescr.0`),
    ///   as snmptranslate does without `-IR`.
    ///
    /// In an index, `"text"` stands for a length-prefixed string and `'text'` for an IMPLIED one.
    /// - Throws: ``MIBError`` with code `.invalidName` when a label is unknown or the text is malformed.
    public func oid(for text: String, randomAccess: Bool = true) throws -> ObjectIdentifier {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { throw MIBError(.invalidName, "empty object name") }
        if let separator = Self.moduleSeparator(in: trimmed) {
            let moduleName = String(trimmed[..<separator])
            let rest = trimmed[trimmed.index(separator, offsetBy: 2)...]
            var components = try Self.components(of: rest, original: text)
            guard case .label(let label)? = components.first else {
                throw MIBError(.invalidName, "\(text): Unknown Object Identifier")
            }
            components.removeFirst()
            guard let node = node(named: label, module: moduleName) else {
                throw MIBError(.invalidName, "\(text): Unknown Object Identifier")
            }
            return try walk(from: node.oid.arcs, components, original: text)
        }
        let absolute = trimmed.utf8.first == UInt8(ascii: ".")
        let components = try Self.components(of: absolute ? trimmed.dropFirst() : trimmed[...], original: text)
        guard let first = components.first else { throw MIBError(.invalidName, "\(text): Unknown Object Identifier") }
        if absolute {
            return try walk(from: [], components, original: text)
        }
        switch first {
        case .number:
            return try walk(from: [], components, original: text)
        case .label(let label):
            if randomAccess {
                guard let node = node(named: label) else {
                    throw MIBError(.invalidName, "\(text): Unknown Object Identifier")
                }
                return try walk(from: node.oid.arcs, Array(components.dropFirst()), original: text)
            }
            do {
                return try walk(from: Self.mib2Prefix, components, original: text)
            } catch {
                throw MIBError(.invalidName, "\(text): Unknown Object Identifier (Sub-id not found: (top) -> \(label))")
            }
        case .string, .impliedString:
            throw MIBError(.invalidName, "\(text): Unknown Object Identifier")
        }
    }

    /// Where `::` starts, if the name is module-qualified (a `::` inside quotes does not count).
    static func moduleSeparator(in text: Substring) -> Substring.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" || character == "'" { return nil }
            let next = text.index(after: index)
            if character == ":", next < text.endIndex, text[next] == ":" { return index }
            index = next
        }
        return nil
    }

    enum NameComponent: Equatable {
        case number(UInt32)
        case label(String)
        case string([UInt8])
        case impliedString([UInt8])
    }

    /// Splits `a.b."c.d".'e'.5` into components; dots inside quotes do not split.
    static func components(of text: Substring, original: String) throws -> [NameComponent] {
        var result: [NameComponent] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                var end = i + 1
                while end < bytes.count, bytes[end] != byte { end += 1 }
                guard end < bytes.count else { throw MIBError(.invalidName, "\(original): unterminated quote") }
                let content = Array(bytes[(i + 1)..<end])
                result.append(byte == UInt8(ascii: "\"") ? .string(content) : .impliedString(content))
                i = end + 1
            } else {
                var end = i
                while end < bytes.count, bytes[end] != UInt8(ascii: ".") { end += 1 }
                let part = String(decoding: bytes[i..<end], as: UTF8.self)
                guard !part.isEmpty else { throw MIBError(.invalidName, "\(original): empty sub-identifier") }
                if part.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                    guard let number = UInt32(part) else {
                        throw MIBError(.invalidName, "\(original): sub-identifier \(part) is too large")
                    }
                    result.append(.number(number))
                } else {
                    result.append(.label(part))
                }
                i = end
            }
            if i < bytes.count {
                guard bytes[i] == UInt8(ascii: ".") else { throw MIBError(.invalidName, "\(original): expected '.'") }
                i += 1
                guard i < bytes.count else { throw MIBError(.invalidName, "\(original): trailing '.'") }
            }
        }
        return result
    }

    /// Follows components down from `start`: numbers append, labels must name a child, strings expand
    /// to their index encoding (RFC 2578 §7.7: length-prefixed unless IMPLIED).
    func walk(from start: [UInt32], _ components: [NameComponent], original: String) throws -> ObjectIdentifier {
        var arcs = start
        for component in components {
            switch component {
            case .number(let number):
                arcs.append(number)
            case .label(let label):
                guard let arc = childArc(of: arcs, labelled: label) else {
                    throw MIBError(.invalidName, "\(original): Unknown Object Identifier (Sub-id not found: \(label))")
                }
                arcs.append(arc)
            case .string(let bytes):
                arcs.append(UInt32(bytes.count))
                arcs.append(contentsOf: bytes.map(UInt32.init))
            case .impliedString(let bytes):
                arcs.append(contentsOf: bytes.map(UInt32.init))
            }
            guard arcs.count <= ObjectIdentifier.maximumArcCount else {
                throw MIBError(.invalidName, "\(original): more than \(ObjectIdentifier.maximumArcCount) sub-identifiers")
            }
        }
        guard !arcs.isEmpty else { throw MIBError(.invalidName, "\(original): Unknown Object Identifier") }
        return ObjectIdentifier(arcs)
    }

    /// The arc below `parent` that a node called `label` occupies.
    func childArc(of parent: [UInt32], labelled label: String) -> UInt32? {
        for index in storage.nodeIndexes(named: label) {
            let oid = storage.nodes[Int(index)].oid.arcs
            if oid.count == parent.count + 1 && oid.starts(with: parent), let last = oid.last { return last }
        }
        return nil
    }

    /// Net-SNMP's `-Of` form: a leading dot and every arc that has a name written as its label,
    /// e.g. `.iso.org.dod.internet.mgmt.mib-2.system.sysDescr.0`.
    public func fullLabelPath(for oid: ObjectIdentifier) -> String {
        var text = ""
        var current: Int32 = 0
        var inTree = true
        for arc in oid.arcs {
            text.append(".")
            if inTree, let next = storage.child(of: current, arc: arc) {
                current = next
                let node = storage.entries[Int(next)].node
                text.append(node >= 0 ? storage.nodes[Int(node)].name : String(arc))
            } else {
                inTree = false
                text.append(String(arc))
            }
        }
        return text
    }

    /// Net-SNMP's default (`-OS`) form with a numeric index: `IF-MIB::ifDescr.3`, `SNMPv2-MIB::sysDescr.0`.
    /// Without a named prefix (no MIBs) it is the root label and numbers: `iso.3.6.1.2.1.1.1.0`.
    public func qualifiedName(for oid: ObjectIdentifier) -> String {
        guard let match = lookup(oid) else { return oid.description }
        let base = match.node.module.isEmpty ? match.node.name : "\(match.node.module)::\(match.node.name)"
        return base + Self.numericSuffix(match.index)
    }

    /// Net-SNMP's `-Os` form with a numeric index: `ifDescr.3`.
    public func shortName(for oid: ObjectIdentifier) -> String {
        guard let match = lookup(oid) else { return oid.description }
        return match.node.name + Self.numericSuffix(match.index)
    }

    static func numericSuffix(_ arcs: [UInt32]) -> String {
        var text = ""
        for arc in arcs {
            text.append(".")
            text.append(String(arc))
        }
        return text
    }
}

extension StringProtocol {
    func trimmingSpaces() -> Substring {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\n" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\n" { slice.removeLast() }
        return slice
    }
}
