import SNMPSMI
import SNMPMIB

/// snmptranslate `-Tp`: the subtree under a node as an ASCII tree, in Net-SNMP's layout (observed from
/// snmptranslate 5.9.3): `+--` per node, `|` connectors, typed objects with access and type columns.
enum TranslateTree {
    static func render(root oid: ObjectIdentifier, tree: MIBTree) -> String {
        guard let match = tree.lookup(oid) else { return "" }
        var out = ""
        printNode(match.node, indent: "", isLast: true, tree: tree, out: &out)
        return out
    }

    /// Whether Net-SNMP prints the node with access and type columns (an OBJECT-TYPE with a value syntax).
    static func isTyped(_ node: MIBNode) -> Bool {
        guard let syntax = node.syntax else { return false }
        switch syntax.baseType {
        case .sequence, .sequenceOf, .choice: return false
        default: return node.kind == .scalar || node.kind == .column
        }
    }

    static func printNode(_ node: MIBNode, indent: String, isLast: Bool, tree: MIBTree, out: inout String) {
        let arc = node.oid.arcs.last.map(String.init) ?? ""
        if isTyped(node), let syntax = node.syntax {
            let type = typeName(syntax)
            out += "\(indent)+-- \(accessText(node.access)) \(type.padding(9)) \(node.name)(\(arc))\n"
            let infoIndent = indent + (isLast ? " " : "|") + "        "
            if let tc = syntax.textualConvention { out += infoIndent + "Textual Convention: \(tc)\n" }
            let labels = syntax.baseType == .bits ? syntax.bitLabels : syntax.enumValues
            if !labels.isEmpty {
                out += infoIndent + "Values: " + labels.map { "\($0.name)(\($0.value))" }.joined(separator: ", ") + "\n"
            } else if !syntax.sizes.isEmpty {
                out += infoIndent + "Size: " + syntax.sizes.map(\.description).joined(separator: " | ") + "\n"
            } else if !syntax.ranges.isEmpty {
                out += infoIndent + "Range: " + syntax.ranges.map(\.description).joined(separator: " | ") + "\n"
            }
        } else {
            out += "\(indent)+--\(node.name)(\(arc))\n"
        }
        let children = tree.children(of: node.oid)
        let childIndent = indent + (isLast ? "   " : "|  ")
        if !node.index.isEmpty {
            out += childIndent + "|  Index: " + node.index.map(\.name).joined(separator: ", ") + "\n"
        }
        guard !children.isEmpty else { return }
        out += childIndent + "|\n"
        var previousEndedBlank = true
        for (position, child) in children.enumerated() {
            let last = position == children.count - 1
            let hasChildren = !tree.children(of: child.oid).isEmpty
            if hasChildren && !isTyped(child) && !previousEndedBlank { out += childIndent + "|\n" }
            printNode(child, indent: childIndent, isLast: last, tree: tree, out: &out)
            previousEndedBlank = false
            if hasChildren && !last {
                out += childIndent + "|\n"
                previousEndedBlank = true
            }
        }
    }

    static func accessText(_ access: MIBAccess?) -> String {
        switch access {
        case .readOnly?: return "-R--"
        case .readWrite?: return "-RW-"
        case .readCreate?: return "CR--"
        case .writeOnly?: return "--W-"
        case .accessibleForNotify?: return "---N"
        default: return "----"
        }
    }

    static func typeName(_ syntax: MIBSyntax) -> String {
        switch syntax.baseType {
        case .integer, .integer32:
            if !syntax.enumValues.isEmpty { return "EnumVal" }
            return syntax.baseType == .integer ? "INTEGER" : "Integer32"
        case .octetString: return "String"
        case .objectIdentifier: return "ObjID"
        case .timeTicks: return "TimeTicks"
        case .gauge32: return "Gauge"
        case .counter32: return "Counter"
        case .counter64: return "Counter64"
        case .unsigned32: return "Unsigned"
        case .ipAddress: return "IpAddr"
        case .networkAddress: return "NetAddr"
        case .opaque: return "Opaque"
        case .bits: return "BitString"
        case .nsapAddress: return "NsapAddr"
        case .uInteger32: return "UInteger"
        case .null: return "Null"
        case .sequence, .sequenceOf, .choice, .unknown: return ""
        }
    }
}

extension String {
    /// Left-justified in `width` columns (C's `%-Ns`).
    func padding(_ width: Int) -> String {
        utf8.count >= width ? self : self + String(repeating: " ", count: width - utf8.count)
    }
}
