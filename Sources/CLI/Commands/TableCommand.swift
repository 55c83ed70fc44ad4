import SNMP
import SNMPMIB

/// `snmp table`: Net-SNMP's snmptable — walks every accessible column of a MIB table, assembles rows by
/// their index, and prints them with ``SNMPTableLayout``.
enum TableCommand {
    static let tool = "snmptable"

    static func run(raw: [String]) async throws(CommandLineError) -> Int32 {
        // snmptable's -Cf takes the next argument as the separator, and -Cw/-Cc/-Cr take attached digits
        // or the next argument: pull those out before the common option parser sees them.
        var (cleaned, separator, numbers, letters) = try extractTableFlags(raw)
        let arguments = try NetSNMPArguments(cleaned, tool: tool)
        var layout = SNMPTableLayout.Options()
        layout.fieldSeparator = separator
        var maxRepetitions = 10
        var useBulk = true
        for letter in letters {
            switch letter {
            case "b": layout.brief = true
            case "B": useBulk = false
            case "h": layout.headersOnly = true
            case "H": layout.noHeaders = true
            case "i": layout.showIndex = true
            case "l": layout.leftJustify = true
            case "f", "w", "c", "r": continue
            default: throw CommandLineError("Bad option after -C: \(letter)\n", showUsage: true)
            }
        }
        if let width = numbers["w"] { layout.maxWidth = width }
        if let width = numbers["c"] { layout.columnWidth = width }
        if let repetitions = numbers["r"] { maxRepetitions = repetitions }
        cleaned.removeAll()

        var context = try await CLIContext.open(tool: tool, arguments: arguments)
        defer { Task { [context] in await context.close() } }
        guard let tableText = context.operands.first else {
            throw CommandLineError("Missing table name\n", showUsage: true)
        }
        let tableOID = try context.parseOID(tableText)
        let printer = context.printer
        guard printer.options.oidFormat != .numeric, let columns = tableColumns(tableOID, printer) else {
            throw CommandLineError("Was that a table? \(printer.oidText(tableOID))\n")
        }
        var rows: [ObjectIdentifier: [String?]] = [:]
        var cellOptions = printer.options
        cellOptions.quickPrint = true
        let cellRenderer = NetSNMPRenderer(options: cellOptions, context: MIBTreeRenderingContext(tree: printer.store.tree))
        var warnings: [WalkWarning] = []
        defer {
            if context.arguments.dump {
                for warning in warnings { context.streams.error("snmptable: \(warning)\n") }
            }
        }
        for (position, column) in columns.enumerated() {
            let found = try await walkColumn(column.oid, bulk: useBulk && context.target.version != .v1,
                                             maxRepetitions: maxRepetitions, context: context, warnings: &warnings)
            for varBind in found {
                let index = ObjectIdentifier(Array(varBind.oid.arcs[column.oid.count...]))
                var cells = rows[index] ?? Array(repeating: nil, count: columns.count)
                cells[position] = cellRenderer.value(varBind.value, of: varBind.oid)
                rows[index] = cells
            }
        }
        let context2 = MIBTreeRenderingContext(tree: printer.store.tree)
        let tableRows = rows.keys.sorted().map { index -> SNMPTableLayout.Row in
            let instance = ObjectIdentifier(columns[0].oid.arcs + index.arcs)
            var suffix = context2.resolveName(of: instance, options: printer.options)?.index ?? ""
            if suffix.hasPrefix(".") { suffix.removeFirst() }
            return SNMPTableLayout.Row(index: suffix, cells: rows[index] ?? [])
        }
        let text = SNMPTableLayout.renderBytes(tableName: printer.oidText(tableOID), columnLabels: columns.map(\.name),
                                               rows: tableRows, options: layout)
        context.streams.out.append(contentsOf: text)
        context.streams.flush()
        return 0
    }

    /// The accessible columns of the table at `oid` (the row's children), or `nil` when it is not a table.
    static func tableColumns(_ oid: ObjectIdentifier, _ printer: Printer) -> [MIBNode]? {
        let tree = printer.store.tree
        guard let table = tree.node(at: oid), table.kind == .table,
              let row = tree.children(of: oid).first(where: { $0.kind == .row }) else { return nil }
        let columns = tree.children(of: row.oid).filter {
            $0.kind == .column && $0.access != .notAccessible && $0.access != .accessibleForNotify
        }
        return columns.isEmpty ? nil : columns
    }

    /// Every instance of one column, by GETBULK (or GETNEXT for SNMPv1 and `-CB`); a `tooBig` answer or a
    /// lost large response shrinks the request (MaxRepetitions.StateMachine), said on stderr only with -d.
    static func walkColumn(_ column: ObjectIdentifier, bulk: Bool, maxRepetitions: Int, context: CLIContext,
                           warnings: inout [WalkWarning]) async throws(CommandLineError) -> [VarBind] {
        var found: [VarBind] = []
        var cursor = column
        var repetitions = MaxRepetitions.StateMachine(configured: bulk ? maxRepetitions : 0)
        var requests = 0
        while true {
            let response: PDU
            do {
                response = try await context.engine.commandGenerator.fetchNext(
                    after: [cursor], to: context.target, repetitions: &repetitions, warnings: &warnings,
                    requests: &requests)
            } catch {
                throw context.sessionError(error)
            }
            if response.errorStatus != .noError {
                if response.errorStatus == .noSuchName { return found }
                throw CommandLineError(context.errorStatusReport(response, period: true), status: 2)
            }
            guard !response.varBinds.isEmpty else { return found }
            for varBind in response.varBinds {
                guard varBind.oid.count > column.count, varBind.oid.arcs.starts(with: column.arcs),
                      !varBind.value.isException, cursor < varBind.oid else { return found }
                found.append(varBind)
                cursor = varBind.oid
            }
        }
    }

    /// Splits snmptable's `-C` options out of the raw arguments: the `f` separator, the numbers of `w`, `c`
    /// and `r`, and every letter; the rest goes to the common parser.
    static func extractTableFlags(_ raw: [String]) throws(CommandLineError)
        -> (rest: [String], separator: String?, numbers: [Character: Int], letters: [Character]) {
        var rest: [String] = []
        var separator: String?
        var numbers: [Character: Int] = [:]
        var letters: [Character] = []
        var index = 0
        while index < raw.count {
            let argument = raw[index]
            index += 1
            guard argument.hasPrefix("-C") else {
                rest.append(argument)
                // Skip the values of other options so that "-c -Cx" style values are not misread.
                if argument.count == 2, let letter = argument.dropFirst().first,
                   NetSNMPArguments.withValue.contains(letter), index < raw.count {
                    rest.append(raw[index])
                    index += 1
                }
                continue
            }
            var group = Substring(argument.dropFirst(2))
            if group.isEmpty, index < raw.count {
                group = Substring(raw[index])
                index += 1
            }
            while let letter = group.first {
                group = group.dropFirst()
                letters.append(letter)
                switch letter {
                case "f":
                    guard index < raw.count else { throw CommandLineError("No field separator given with -Cf\n", showUsage: true) }
                    separator = raw[index]
                    index += 1
                case "w", "c", "r":
                    // snmptable takes the number from the next argument only; "-Cw80" is a usage error.
                    guard group.isEmpty, index < raw.count, let number = Int(raw[index]) else {
                        throw CommandLineError("", showUsage: true)
                    }
                    index += 1
                    numbers[letter] = number
                default:
                    continue
                }
            }
        }
        return (rest, separator, numbers, letters)
    }
}
