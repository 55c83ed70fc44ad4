public import SNMPSMI
public import SNMPApplications

/// One row of a read-only table: its index OID and its cells by column.
public struct MIBTableRow: Hashable, Sendable {
    /// The index arcs after `entry.column`.
    public var index: ObjectIdentifier
    /// The cells, by column sub-identifier.
    public var values: [UInt32: SNMPValue]

    /// Creates a row.
    public init(index: ObjectIdentifier, values: [UInt32: SNMPValue]) {
        self.index = index
        self.values = values
    }
}

/// A read-only table whose rows come from a closure returning them sorted by index (a cached snapshot of
/// system state, the USM user list, ...); each lookup is a binary search in what the closure returns.
///
/// ```swift
/// let rows = SnapshotTableRows { await interfaces.rows() }
/// try mib.register(table: "1.3.6.1.2.1.2.2.1", columns: columns, rows: rows)
/// ```
public struct SnapshotTableRows: MIBTableRows {
    let snapshot: @Sendable () async throws -> [MIBTableRow]

    /// Creates the rows; `snapshot` must return rows sorted by index with no duplicates.
    public init(_ snapshot: @escaping @Sendable () async throws -> [MIBTableRow]) {
        self.snapshot = snapshot
    }

    /// Sorts rows by index, for closures that build them in another order.
    public static func sorted(_ rows: [MIBTableRow]) -> [MIBTableRow] {
        rows.sorted { $0.index < $1.index }
    }

    /// The position of the first row whose index is not before `index` (or after it, when `strictly`).
    static func position(of index: ObjectIdentifier, in rows: [MIBTableRow], strictly: Bool) -> Int {
        var low = 0, high = rows.count
        while low < high {
            let mid = (low + high) >> 1
            let before = strictly ? rows[mid].index <= index : rows[mid].index < index
            if before { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Takes a snapshot and finds the first row strictly after `index` by binary search.
    public func index(after index: ObjectIdentifier?) async throws -> ObjectIdentifier? {
        let rows = try await snapshot()
        guard let index else { return rows.first?.index }
        let position = Self.position(of: index, in: rows, strictly: true)
        return position < rows.count ? rows[position].index : nil
    }

    /// Takes a snapshot and returns the cell, or `nil` when the row or column is absent.
    public func value(column: UInt32, index: ObjectIdentifier) async throws -> SNMPValue? {
        let rows = try await snapshot()
        let position = Self.position(of: index, in: rows, strictly: false)
        guard position < rows.count, rows[position].index == index else { return nil }
        return rows[position].values[column]
    }

    /// Takes a snapshot and looks the row up; Sets are refused by the protocol's read-only defaults.
    public func rowExists(_ index: ObjectIdentifier) async throws -> Bool {
        let rows = try await snapshot()
        let position = Self.position(of: index, in: rows, strictly: false)
        return position < rows.count && rows[position].index == index
    }
}
