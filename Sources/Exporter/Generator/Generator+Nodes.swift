import SNMP

extension ExporterGenerator {
    /// A node by name (`ifDescr`, `IF-MIB::ifDescr`) or dotted OID.
    func node(_ text: String) -> MIBNode? {
        if let colons = text.range(of: "::") {
            return tree.node(named: String(text[colons.upperBound...]), module: String(text[..<colons.lowerBound]))
        }
        if let oid = ObjectIdentifier(text), !oid.isEmpty, text.first?.isNumber == true { return tree.node(at: oid) }
        return tree.node(named: text)
    }

    /// What a walk entry stands for (snmp_exporter's `getMetricNode`): a known node is a scalar to GET when it
    /// is a readable object outside a table, else a subtree; an unknown OID under a known node is an instance.
    func metricNode(for oid: ObjectIdentifier, _ overrides: [ObjectIdentifier: String]) -> (MIBNode, WalkKindValue)? {
        if let known = tree.node(at: oid) {
            if Self.metricType(nodeType(known, overrides)) != nil, Self.isReadable(known), indexNames(of: known).isEmpty {
                return (known, .scalar)
            }
            return (known, .subtree)
        }
        guard let match = tree.lookup(oid) else { return nil }
        return (match.node, .instance)
    }

    enum WalkKindValue { case subtree, scalar, instance }

    /// The node and all its descendants, in OID order.
    func subtree(of root: MIBNode) -> [MIBNode] {
        var result = [root]
        var stack = tree.children(of: root.oid).sorted { $0.oid > $1.oid }
        var visited = 0
        while let next = stack.popLast(), visited < 1_000_000 {
            visited += 1
            result.append(next)
            stack += tree.children(of: next.oid).sorted { $0.oid > $1.oid }
        }
        return result
    }

    /// A metric for `node`, or `nil` for objects snmp_exporter leaves out (unsupported type, not readable,
    /// ignored by an override, an index it cannot render).
    func makeMetric(_ node: MIBNode, _ config: GeneratorConfiguration.Module, _ overrides: [ObjectIdentifier: String],
                    module: String, warnings: inout [String]) throws(Failure) -> MetricConfiguration? {
        guard [.scalar, .column].contains(node.kind), let type = Self.metricType(nodeType(node, overrides)),
              Self.isReadable(node) else { return nil }
        let name = Self.sanitize(node.name)
        if config.overrides[name]?.ignore == true { return nil }
        var metric = MetricConfiguration(name: name, oid: node.oid, type: type)
        metric.help = Self.firstSentence(node.description ?? "") + " - " + node.oid.description
        metric.enumValues = enumValues(node)
        var previousTC = ""
        var previous2TC = ""
        let names = indexNames(of: node)
        for (position, indexName) in names.enumerated() {
            guard let indexNode = tree.node(named: indexName, module: node.module) ?? tree.node(named: indexName) else {
                warnings.append("\(module): could not find index \(indexName) for node \(node.name)")
                return nil
            }
            let rawType = nodeType(indexNode, overrides)
            guard var indexType = Self.metricType(rawType) else {
                warnings.append("\(module): can't handle index type \(rawType) of \(indexName) on node \(node.name)")
                return nil
            }
            var index = IndexConfiguration(labelName: Self.sanitize(indexName), type: indexType)
            index.fixedSize = Self.fixedSize(indexNode)
            index.implied = position == names.count - 1 && impliedIndex(of: node)
            index.enumValues = enumValues(indexNode)
            if !index.enumValues.isEmpty && indexType != "EnumAsStateSet" && rawType != "gauge" {
                indexType = "EnumAsInfo"
                index.type = indexType
            }
            guard ExporterConfiguration.indexTypes.contains(indexType) else {
                throw Failure(description: "\(module): cannot use index '\(indexName)' of type \(indexType) on metric '\(node.name)'")
            }
            if IndexDecoder.combinedTypes[indexType] != nil {
                // The InetAddressType index before an InetAddress one is folded into it.
                let subtype = indexType == "LldpPortId" ? "LldpPortIdSubtype" : "InetAddressType"
                if previousTC == subtype {
                    metric.indexes.removeLast()
                } else if previous2TC == subtype {
                    metric.indexes.removeLast(2)
                } else {
                    warnings.append("\(module): can't handle index type \(indexType) on node \(node.name), missing preceding \(subtype)")
                    return nil
                }
            }
            previous2TC = previousTC
            previousTC = indexNode.syntax?.textualConvention ?? ""
            metric.indexes.append(index)
        }
        return metric
    }

    /// Net-SNMP's type name for the node, refined by its TEXTUAL-CONVENTION and DISPLAY-HINT as
    /// snmp_exporter's generator does, or the override's type.
    func nodeType(_ node: MIBNode, _ overrides: [ObjectIdentifier: String]) -> String {
        if let override = overrides[node.oid] { return override }
        guard let syntax = node.syntax else { return "" }
        var type: String
        switch syntax.baseType {
        case .integer: type = "INTEGER"
        case .integer32: type = "INTEGER32"
        case .unsigned32: type = "UNSIGNED32"
        case .gauge32: type = "GAUGE"
        case .counter32: type = "COUNTER"
        case .counter64: type = "COUNTER64"
        case .timeTicks: type = "TIMETICKS"
        case .ipAddress: type = "IPADDR"
        case .networkAddress: type = "NETADDR"
        case .uInteger32: type = "UINTEGER"
        case .octetString: type = "OCTETSTR"
        case .objectIdentifier: type = "OBJID"
        case .bits: type = "BITSTRING"
        default: type = syntax.baseType.rawValue.uppercased()
        }
        let hint = syntax.displayHint ?? ""
        let fixed = Self.fixedSize(node)
        if hint == "1x:" && (fixed == 0 || fixed == 6) { type = "PhysAddress48" }
        if hint.count >= 2, hint.dropLast().allSatisfy(\.isNumber), hint.last == "a" || hint.last == "t" { type = "DisplayString" }
        switch syntax.textualConvention ?? "" {
        case "DisplayString": type = "DisplayString"
        case "PhysAddress": type = "PhysAddress48"
        case let tc where ["Float", "Double", "DateAndTime", "ParseDateAndTime", "NTPTimeStamp", "InetAddressIPv4",
                           "InetAddressIPv6", "InetAddress", "LldpPortId"].contains(tc):
            type = tc
        default: break
        }
        return type
    }

    /// snmp_exporter's `metricType`: Net-SNMP type names to metric types.
    static func metricType(_ type: String) -> String? {
        if IndexDecoder.combinedTypes[type] != nil { return type }
        switch type {
        case "gauge", "INTEGER", "GAUGE", "TIMETICKS", "UINTEGER", "UNSIGNED32", "INTEGER32": return "gauge"
        case "counter", "COUNTER", "COUNTER64": return "counter"
        case "OctetString", "OCTETSTR", "OBJID": return "OctetString"
        case "BITSTRING": return "Bits"
        case "InetAddressIPv4", "IpAddr", "IPADDR", "NETADDR": return "InetAddressIPv4"
        case "PhysAddress48", "DisplayString", "Float", "Double", "InetAddressIPv6", "DateAndTime", "ParseDateAndTime",
             "NTPTimeStamp", "EnumAsInfo", "EnumAsStateSet":
            return type
        default: return nil
        }
    }

    /// snmp_exporter keeps read-only, read-write, read-create and not-accessible objects.
    static func isReadable(_ node: MIBNode) -> Bool {
        guard let access = node.access else { return false }
        return [.readOnly, .readWrite, .readCreate, .notAccessible].contains(access)
    }

    /// The INDEX names of the row a column (or row) belongs to, following AUGMENTS.
    func indexNames(of node: MIBNode) -> [String] {
        row(of: node).map { row in row.index.map { $0.name == "INTEGER" ? node.name : $0.name } } ?? []
    }

    func impliedIndex(of node: MIBNode) -> Bool { row(of: node)?.index.last?.implied ?? false }

    private func row(of node: MIBNode) -> MIBNode? {
        var row: MIBNode?
        if node.kind == .row {
            row = node
        } else if node.kind == .column, node.oid.count > 1 {
            row = tree.node(at: node.oid.prefix(node.oid.count - 1))
        }
        if let augments = row?.augments, row?.index.isEmpty == true {
            row = tree.node(named: augments, module: row?.module) ?? tree.node(named: augments)
        }
        return row
    }

    func enumValues(_ node: MIBNode) -> [Int: String] {
        guard let syntax = node.syntax else { return [:] }
        var result: [Int: String] = [:]
        for named in syntax.enumValues + syntax.bitLabels {
            if let value = Int(exactly: named.value) { result[value] = named.name }
        }
        return result
    }

    static func fixedSize(_ node: MIBNode) -> Int {
        guard let sizes = node.syntax?.sizes, sizes.count == 1, let only = sizes.first, only.lower == only.upper,
              let value = Int(only.lower.description) else { return 0 }
        return value
    }

    /// Collapses whitespace and keeps the text up to the first ". ", as snmp_exporter's help texts.
    static func firstSentence(_ description: String) -> String {
        let collapsed = description.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let end = collapsed.range(of: ". ") { return String(collapsed[..<end.lowerBound]) }
        return collapsed
    }

    /// Prometheus label/metric names: anything else than letters, digits and `_` becomes `_`.
    static func sanitize(_ name: String) -> String {
        var result = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (Character(scalar).isLetter || Character(scalar).isNumber || scalar == "_") ? Character(scalar) : "_"
        })
        if result.first?.isNumber == true { result = "_" + result }
        return result
    }

    /// Removes OIDs under another one of the list.
    static func minimize(_ oids: [ObjectIdentifier]) -> [ObjectIdentifier] {
        let sorted = Array(Set(oids)).sorted()
        var result: [ObjectIdentifier] = []
        for oid in sorted where !result.contains(where: { $0.isPrefix(of: oid) }) { result.append(oid) }
        return result
    }
}
