public import SNMPApplications
import SNMPMIB

extension SNMPClient {
    /// Fetches tables that share an index (`["IF-MIB::ifTable", "IF-MIB::ifXTable"]`) in one pass: each
    /// request asks for the next cell of every column of every table, and the rows come out joined by
    /// index, a column the agent has no value for being `nil` in its row.
    ///
    /// The pass heals like a bulk walk (fewer repetitions after `tooBig` or a lost large response), and
    /// ends cleanly, with ``SNMPTable/warnings``, when the agent goes backwards in a column, answers
    /// `noSuchName` for a column in SNMPv1, or restarts (sysUpTime, asked along, goes backwards).
    ///
    /// ```swift
    /// let interfaces = try await client.table(["IF-MIB::ifTable", "IF-MIB::ifXTable"])
    /// for row in interfaces.rows { print(row.index, row["ifDescr"] ?? .null, row["ifHCInOctets"] ?? .null) }
    /// ```
    /// - Throws: `SNMPError` `.invalidArgument` when a name is unknown or not a table.
    public func table(_ names: [String]) async throws(SNMPError) -> SNMPTable {
        var oids: [ObjectIdentifier] = []
        for name in names { oids.append(try oid(for: name)) }
        return try await table(oids: oids)
    }

    /// The tables at `oids` in one pass (see ``table(_:)-([String])``); the client's MIBs must describe them.
    public func table(oids: [ObjectIdentifier]) async throws(SNMPError) -> SNMPTable {
        let tree = mibStore.tree
        var columns: [MIBNode] = []
        var firstRow: MIBNode?
        for oid in oids {
            guard let table = tree.node(at: oid), table.kind == .table,
                  let row = tree.children(of: oid).first(where: { $0.kind == .row }) else {
                throw SNMPError(.invalidArgument, "Was that a table? \(name(of: oid))")
            }
            if firstRow == nil { firstRow = row }
            columns += tree.children(of: row.oid).filter { $0.kind == .column }
        }
        guard let firstRow else { throw SNMPError(.invalidArgument, "no table given") }
        // INDEX columns that are not-accessible cannot be read; asking for them would only cost varbinds.
        let readable = columns.filter { $0.access != .notAccessible && $0.access != .accessibleForNotify }
        let context = MIBTreeRenderingContext(tree: tree)
        let decoder = context.indexDecoder(forRow: firstRow)
        let pass = try await tablePass(columns: readable.map(\.oid))

        var byIndex: [ObjectIdentifier: SNMPTable.Row] = [:]
        for cell in pass.cells {
            let column = readable[cell.column]
            let arcs = cell.varBind.oid.arcs
            let suffix = arcs[column.oid.count...]
            let key = ObjectIdentifier(Array(suffix))
            if byIndex[key] == nil {
                var text = context.resolveName(of: cell.varBind.oid, options: OutputOptions())?.index ?? ""
                if text.hasPrefix(".") { text.removeFirst() }
                byIndex[key] = SNMPTable.Row(indexOID: key, index: decoder?.decode(suffix) ?? [], indexText: text,
                                             values: [:])
            }
            byIndex[key]?.values[column.name] = cell.varBind.value
        }
        let rows = byIndex.keys.sorted().compactMap { byIndex[$0] }
        var table = SNMPTable(name: oids.map { name(of: $0) }.joined(separator: " + "), oid: oids[0],
                              columns: columns.map(\.name), rows: rows)
        table.warnings = pass.warnings
        table.requests = pass.requests
        return table
    }

    /// sysUpTime.0's parent: asked as a GETBULK non-repeater (a GETNEXT varbind in SNMPv1) with every
    /// request of a table pass, so an agent restart shows as time going backwards.
    private static let sysUpTime: ObjectIdentifier = [1, 3, 6, 1, 2, 1, 1, 3]
    private static let sysUpTimeInstance: ObjectIdentifier = [1, 3, 6, 1, 2, 1, 1, 3, 0]

    /// Walks `columns` side by side (TableWalk.StateMachine) with adaptive max-repetitions.
    private func tablePass(columns: [ObjectIdentifier]) async throws(SNMPError)
        -> (cells: [TableWalk.StateMachine.Cell], warnings: [WalkWarning], requests: Int) {
        var machine = TableWalk.StateMachine(columns: columns)
        var repetitions = MaxRepetitions.StateMachine(configured: target.version == .v1 ? 0 : configuration.maxRepetitions)
        var warnings: [WalkWarning] = []
        var requests = 0
        var cells: [TableWalk.StateMachine.Cell] = []
        var lastUpTime: UInt32?
        var watchUpTime = true
        while !machine.isFinished {
            let leading = watchUpTime ? [Self.sysUpTime] : []
            let response = try await engine.commandGenerator.fetchNext(
                after: leading + machine.requestOIDs, nonRepeaters: leading.count, to: target,
                repetitions: &repetitions, warnings: &warnings, requests: &requests)
            if response.errorStatus == .noSuchName && target.version == .v1 {
                let index = Int(response.errorIndex) - 1 - leading.count
                if index < 0 {
                    watchUpTime = false    // an agent without sysUpTime: no restart detection
                } else {
                    if let cursor = machine.requestOIDs.indices.contains(index) ? machine.requestOIDs[index] : nil {
                        warnings.append(.noSuchName(after: cursor))
                    }
                    machine.columnEnded(atRequestIndex: index)
                }
                continue
            }
            guard response.errorStatus == .noError else { throw SNMPError.errorStatus(in: response) }
            var varBinds = response.varBinds[...]
            if watchUpTime, let upTime = varBinds.first {
                varBinds = varBinds.dropFirst()
                if case .timeTicks(let ticks) = upTime.value, upTime.oid == Self.sysUpTimeInstance {
                    if let lastUpTime, ticks < lastUpTime {
                        warnings.append(.agentRestarted)
                        break      // what came before the restart is kept; rows after it could repeat
                    }
                    lastUpTime = ticks
                } else {
                    watchUpTime = false
                }
            }
            cells += machine.receive(Array(varBinds), warnings: &warnings)
        }
        return (cells, warnings, requests)
    }
}
