public import SNMPSMI

/// Turns a conceptual table (columns + ``MIBTableRows``) into a ``MIBSubtreeHandler`` rooted at the
/// entry OID: instances are `entry.column.index`, walked column by column (RFC 2578 §7.10).
public struct MIBTableHandler: MIBSubtreeHandler {
    /// The `xxxEntry` OID.
    public let entry: ObjectIdentifier
    /// The columns, sorted by id.
    public let columns: [MIBColumn]
    /// The rows.
    public let rows: any MIBTableRows
    private let rowStatusColumn: UInt32?

    /// Creates the handler.
    public init(entry: ObjectIdentifier, columns: [MIBColumn], rows: some MIBTableRows) {
        self.entry = entry
        self.columns = columns.sorted { $0.id < $1.id }
        self.rows = rows
        self.rowStatusColumn = columns.first(where: \.isRowStatus)?.id
    }

    private func column(_ id: UInt32) -> MIBColumn? {
        var low = 0, high = columns.count
        while low < high {
            let mid = (low + high) >> 1
            if columns[mid].id < id { low = mid + 1 } else { high = mid }
        }
        return low < columns.count && columns[low].id == id ? columns[low] : nil
    }

    /// `entry.column.index` split into column and index; `nil` when `oid` is not that long.
    private func split(_ oid: ObjectIdentifier) -> (column: UInt32, index: ObjectIdentifier)? {
        guard entry.contains(oid), oid.count > entry.count + 1 else { return nil }
        return (oid[entry.count], oid.dropFirst(entry.count + 1))
    }

    /// `noSuchObject` for an unknown or not-readable column, `noSuchInstance` for a missing row or cell.
    public func get(_ oid: ObjectIdentifier) async throws -> SNMPValue {
        guard oid.count > entry.count, let column = column(oid[entry.count]), column.access.isReadable else {
            return .noSuchObject
        }
        guard let (_, index) = split(oid) else { return .noSuchInstance }
        return try await rows.value(column: column.id, index: index) ?? .noSuchInstance
    }

    /// Column-major order: every row of the first readable column, then the next column (RFC 2578 §7.10).
    public func next(after oid: ObjectIdentifier) async throws -> VarBind? {
        var columnPosition = 0
        var afterIndex: ObjectIdentifier?
        if entry.contains(oid) {
            let columnID = oid[entry.count]
            columnPosition = columns.firstIndex { $0.id >= columnID } ?? columns.count
            if columnPosition < columns.count, columns[columnPosition].id == columnID, oid.count > entry.count + 1 {
                afterIndex = oid.dropFirst(entry.count + 1)
            }
        } else if entry < oid {
            return nil
        }
        while columnPosition < columns.count {
            let column = columns[columnPosition]
            if column.access.isReadable {
                var cursor = afterIndex
                while let index = try await rows.index(after: cursor) {
                    if let value = try await rows.value(column: column.id, index: index) {
                        return VarBind(entry.appending(column.id).appending(index), value)
                    }
                    cursor = index
                }
            }
            columnPosition += 1
            afterIndex = nil
        }
        return nil
    }

    private enum Undo: Sendable {
        case nothing
        case created(ObjectIdentifier)
        case changed(column: UInt32, index: ObjectIdentifier, old: SNMPValue?)
        case destroyed(ObjectIdentifier, [UInt32: SNMPValue])
    }

    /// The RowStatus value `request` sets for the row `index`, if any.
    private func requestedStatus(for index: ObjectIdentifier, in request: MIBSetRequest) -> RowStatus? {
        guard let rowStatusColumn else { return nil }
        let statusOID = entry.appending(rowStatusColumn).appending(index)
        for varBind in request.varBinds where varBind.oid == statusOID {
            if case .integer(let raw) = varBind.value { return RowStatus(rawValue: raw) }
        }
        return nil
    }

    /// The cells `request` sets in row `index`, RowStatus aside.
    private func requestedCells(for index: ObjectIdentifier, in request: MIBSetRequest) -> [UInt32: SNMPValue] {
        var cells: [UInt32: SNMPValue] = [:]
        for varBind in request.varBinds {
            guard let (columnID, rowIndex) = split(varBind.oid), rowIndex == index, columnID != rowStatusColumn,
                  column(columnID) != nil else { continue }
            cells[columnID] = varBind.value
        }
        return cells
    }

    /// `true` when every required column has a value among `cells` or a default.
    private func isComplete(_ cells: [UInt32: SNMPValue]) -> Bool {
        columns.allSatisfy { !$0.isRequired || $0.isRowStatus || cells[$0.id] != nil || $0.defaultValue != nil }
    }

    /// The cells a newly created row starts with: defaults, overridden by the request.
    private func initialCells(_ requested: [UInt32: SNMPValue]) -> [UInt32: SNMPValue] {
        var cells = requested
        for column in columns where !column.isRowStatus && cells[column.id] == nil {
            if let value = column.defaultValue { cells[column.id] = value }
        }
        return cells
    }

    /// RFC 3416 §4.2.5 steps 2–10 with RFC 2579's RowStatus rules.
    public func testSet(_ varBind: VarBind, index position: Int, request: MIBSetRequest) async throws {
        // Step 2: no such column.
        guard varBind.oid.count > entry.count, let column = column(varBind.oid[entry.count]) else {
            throw SNMPError.status(.notWritable)
        }
        // Step 7: a column OID without an index can never exist.
        guard let (_, index) = split(varBind.oid) else { throw SNMPError.status(.noCreation) }
        guard column.access.isWritable else { throw SNMPError.status(.notWritable) }  // step 2
        if let status = column.syntax.check(varBind.value) { throw SNMPError.status(status) }  // steps 3-6
        guard rows.isValidIndex(index) else { throw SNMPError.status(.noCreation) }  // step 7
        let exists = try await rows.rowExists(index)
        guard column.isRowStatus else {
            guard exists || requestedStatus(for: index, in: request)?.createsRow == true else {
                // Step 8 when rows can be created another way, step 7 when never.
                throw SNMPError.status(rowStatusColumn != nil || column.access == .readCreate
                                       ? .inconsistentName : .noCreation)
            }
            return
        }
        guard case .integer(let raw) = varBind.value, let status = RowStatus(rawValue: raw) else {
            throw SNMPError.status(.wrongValue)
        }
        switch status {
        case .notReady:
            throw SNMPError.status(.wrongValue)  // RFC 2579: notReady is never written
        case .createAndGo, .createAndWait:
            guard !exists else { throw SNMPError.status(.inconsistentValue) }
            if status == .createAndGo, !isComplete(requestedCells(for: index, in: request)) {
                throw SNMPError.status(.inconsistentValue)
            }
        case .active, .notInService:
            guard exists else { throw SNMPError.status(.inconsistentValue) }
            if status == .active {
                var cells = requestedCells(for: index, in: request)
                for column in columns where cells[column.id] == nil {
                    if let value = try await rows.value(column: column.id, index: index) { cells[column.id] = value }
                }
                guard isComplete(cells) else { throw SNMPError.status(.inconsistentValue) }
            }
        case .destroy:
            break
        }
    }

    /// Applies one varbind; a row this request creates is created once, with its RowStatus varbind, carrying
    /// the other cells of the request and the columns' defaults. Records what ``undoSet(_:index:request:)`` needs.
    public func commitSet(_ varBind: VarBind, index position: Int, request: MIBSetRequest) async throws {
        guard let (columnID, index) = split(varBind.oid) else { throw SNMPError.status(.genErr) }
        var undo = Undo.nothing
        defer { request.setUndoState(undo, forVarBindAt: position) }
        let requested = requestedStatus(for: index, in: request)
        guard columnID == rowStatusColumn else {
            // Cells of a row this request creates travel with the creation.
            if requested?.createsRow == true { return }
            let old = try await rows.value(column: columnID, index: index)
            try await rows.setValue(varBind.value, column: columnID, index: index)
            undo = .changed(column: columnID, index: index, old: old)
            return
        }
        switch requested {
        case .createAndGo?, .createAndWait?:
            let requestedCells = requestedCells(for: index, in: request)
            var cells = initialCells(requestedCells)
            let status: RowStatus = requested == .createAndGo ? .active
                : isComplete(requestedCells) ? .notInService : .notReady
            cells[columnID] = .integer(status.rawValue)
            try await rows.createRow(index, values: cells)
            undo = .created(index)
        case .destroy?:
            guard try await rows.rowExists(index) else { return }
            undo = .destroyed(index, try await rows.destroyRow(index))
        case .some(let status):
            let old = try await rows.value(column: columnID, index: index)
            try await rows.setValue(.integer(status.rawValue), column: columnID, index: index)
            undo = .changed(column: columnID, index: index, old: old)
        case nil:
            throw SNMPError.status(.genErr)
        }
    }

    /// Reverses what ``commitSet(_:index:request:)`` recorded: destroys a created row, restores a changed cell
    /// or recreates a destroyed row.
    public func undoSet(_ varBind: VarBind, index position: Int, request: MIBSetRequest) async throws {
        switch request.undoState(forVarBindAt: position) as? Undo {
        case .created(let index)?:
            _ = try await rows.destroyRow(index)
        case .changed(let column, let index, let old?)?:
            try await rows.setValue(old, column: column, index: index)
        case .destroyed(let index, let cells)?:
            try await rows.createRow(index, values: cells)
        case .nothing?, .changed?, nil:
            break
        }
    }
}
