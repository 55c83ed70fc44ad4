import SNMPSMI
import SNMPMIB

/// `snmp translate`: Net-SNMP's snmptranslate — names to OIDs and back in any `-O` style, `-Td` details,
/// `-Tp` subtree trees, `-IR` random access. Unknown names: stderr and exit status 2.
enum TranslateCommand {
    static func run(arguments: NetSNMPArguments, raw: [String]) throws(CommandLineError) -> Int32 {
        let printer = try Printer(arguments: arguments)
        let translateFlags = Self.translateFlags(raw)
        var streams = StandardStreams()
        guard !arguments.positional.isEmpty else {
            throw CommandLineError("", status: 1, showUsage: true)
        }
        var status: Int32 = 0
        for text in arguments.positional {
            let oid: ObjectIdentifier
            do {
                oid = try printer.parseOID(text, mode: printer.randomAccess ? .randomAccess : .fromRoot)
            } catch {
                if printer.randomAccess, error.message.hasSuffix("Unknown object identifier\n") {
                    streams.error("Unknown object identifier: \(text)\n")
                } else {
                    streams.error(error.message)
                }
                status = 2
                continue
            }
            if translateFlags.contains("p") {
                streams.print(TranslateTree.render(root: oid, tree: printer.store.tree))
                continue
            }
            streams.printLine(printer.oidText(oid))
            if translateFlags.contains("d") {
                streams.print(TranslateDetails.render(oid: oid, tree: printer.store.tree))
            }
        }
        streams.flush()
        return status
    }

    /// The letters of every `-T` option (NetSNMPArguments accepts and drops them).
    static func translateFlags(_ raw: [String]) -> Set<Character> {
        var letters = Set<Character>()
        var index = 0
        while index < raw.count {
            let argument = raw[index]
            index += 1
            guard argument.hasPrefix("-"), argument.count > 1 else { continue }
            var rest = Substring(argument.dropFirst())
            while let letter = rest.first {
                rest = rest.dropFirst()
                if NetSNMPArguments.flags.contains(letter) { continue }
                guard NetSNMPArguments.withValue.contains(letter) else { break }
                let value = rest.isEmpty ? (index < raw.count ? raw[index] : "") : String(rest)
                if rest.isEmpty { index += 1 }
                if letter == "T" { letters.formUnion(value) }
                break
            }
        }
        return letters
    }
}

/// snmptranslate `-Td`: the definition of the deepest named node, as Net-SNMP prints it.
enum TranslateDetails {
    static func render(oid: ObjectIdentifier, tree: MIBTree) -> String {
        guard let match = tree.lookup(oid) else { return "" }
        let node = match.node
        let kindWord: String
        switch node.kind {
        case .notification: kindWord = "NOTIFICATION-TYPE"
        case .trap: kindWord = "TRAP-TYPE"
        case .moduleIdentity: kindWord = "MODULE-IDENTITY"
        case .objectGroup: kindWord = "OBJECT-GROUP"
        case .notificationGroup: kindWord = "NOTIFICATION-GROUP"
        case .moduleCompliance: kindWord = "MODULE-COMPLIANCE"
        case .agentCapabilities: kindWord = "AGENT-CAPABILITIES"
        case .objectIdentity: kindWord = "OBJECT-IDENTITY"
        default: kindWord = "OBJECT-TYPE"
        }
        var text = "\(node.name) \(kindWord)\n"
        var modules = [node.module]
        for other in tree.nodes(named: node.name) where other.oid == node.oid && !modules.contains(other.module) {
            modules.append(other.module)
        }
        text += "  -- FROM\t\(modules.joined(separator: ", "))\n"
        if let syntax = node.syntax, syntax.baseType != .sequenceOf, syntax.baseType != .sequence {
            if let tc = syntax.textualConvention { text += "  -- TEXTUAL CONVENTION \(tc)\n" }
            text += "  SYNTAX\t\(syntaxText(syntax)) \n"
            if let hint = syntax.displayHint { text += "  DISPLAY-HINT\t\"\(hint)\"\n" }
        }
        if let units = node.units { text += "  UNITS\t\t\"\(units)\"\n" }
        if let access = node.access { text += "  MAX-ACCESS\t\(access)\n" }
        // Net-SNMP keeps no STATUS for notifications.
        if let status = node.status, node.kind != .notification, node.kind != .trap { text += "  STATUS\t\(status)\n" }
        if let augments = node.augments { text += "  AUGMENTS\t{ \(augments) }\n" }
        if !node.index.isEmpty {
            let parts = node.index.map { ($0.implied ? "IMPLIED " : "") + $0.name }
            text += "  INDEX\t\t{ \(parts.joined(separator: ", ")) }\n"
        }
        if !node.objects.isEmpty, node.kind == .notification || node.kind == .trap || node.kind == .objectGroup {
            text += "  OBJECTS\t{ \(node.objects.joined(separator: ", ")) }\n"
        }
        if let description = node.description { text += "  DESCRIPTION\t\"\(description)\"\n" }
        text += "::= { "
        var prefix: [UInt32] = []
        for (position, arc) in oid.arcs.enumerated() {
            prefix.append(arc)
            if position < oid.count - 1, let named = tree.node(at: ObjectIdentifier(prefix)) {
                text += "\(named.name)(\(arc)) "
            } else {
                text += "\(arc) "
            }
        }
        return text + "}\n"
    }

    static func syntaxText(_ syntax: MIBSyntax) -> String {
        var text = syntax.baseType.rawValue
        let labels = syntax.baseType == .bits ? syntax.bitLabels : syntax.enumValues
        if !labels.isEmpty {
            text += " {" + labels.map { "\($0.name)(\($0.value))" }.joined(separator: ", ") + "}"
        } else if !syntax.ranges.isEmpty {
            text += " (" + syntax.ranges.map(\.description).joined(separator: " | ") + ")"
        } else if !syntax.sizes.isEmpty {
            text += " (" + syntax.sizes.map(\.description).joined(separator: " | ") + ")"
        }
        return text
    }
}
