public import SNMPSMI
import NIOConcurrencyHelpers

/// An in-memory table: rows sorted by index, looked up by binary search. Good for configuration tables
/// and tests; it supports RowStatus creation and destruction through the responder.
///
/// ```swift
/// let store = MIBTableStore()
/// store.setRow([1], values: [1: .integer(1), 2: .octetString("lo")])
/// try mib.register(table: "1.3.6.1.2.1.2.2.1", columns: [...], rows: store)
/// ```
public final class MIBTableStore: MIBTableRows {
    private struct Row: Sendable {
        var index: ObjectIdentifier
        var values: [UInt32: SNMPValue]
    }
    private let rows: NIOLockedValueBox<[Row]>
    private let validIndex: @Sendable (ObjectIdentifier) -> Bool

    /// Creates an empty table; `isValidIndex` says which indexes a Set may create.
    public init(isValidIndex: @escaping @Sendable (ObjectIdentifier) -> Bool = { _ in true }) {
        self.rows = NIOLockedValueBox([])
        self.validIndex = isValidIndex
    }

    private static func position(of index: ObjectIdentifier, in rows: [Row]) -> (Int, found: Bool) {
        var low = 0, high = rows.count
        while low < high {
            let mid = (low + high) >> 1
            if rows[mid].index < index { low = mid + 1 } else { high = mid }
        }
        return (low, low < rows.count && rows[low].index == index)
    }

    /// Adds or replaces a row.
    public func setRow(_ index: ObjectIdentifier, values: [UInt32: SNMPValue]) {
        rows.withLockedValue { rows in
            let (position, found) = Self.position(of: index, in: rows)
            if found { rows[position].values = values } else { rows.insert(Row(index: index, values: values), at: position) }
        }
    }

    /// Removes a row; returns its cells, or `nil` when it did not exist.
    @discardableResult
    public func removeRow(_ index: ObjectIdentifier) -> [UInt32: SNMPValue]? {
        rows.withLockedValue { rows in
            let (position, found) = Self.position(of: index, in: rows)
            return found ? rows.remove(at: position).values : nil
        }
    }

    /// The cells of a row, or `nil`.
    public func row(_ index: ObjectIdentifier) -> [UInt32: SNMPValue]? {
        rows.withLockedValue { rows in
            let (position, found) = Self.position(of: index, in: rows)
            return found ? rows[position].values : nil
        }
    }

    /// The indexes of all rows, in order.
    public var indexes: [ObjectIdentifier] { rows.withLockedValue { $0.map(\.index) } }

    /// The next row in index order: one binary search under the lock.
    public func index(after index: ObjectIdentifier?) async throws -> ObjectIdentifier? {
        rows.withLockedValue { rows in
            guard let index else { return rows.first?.index }
            let (position, found) = Self.position(of: index, in: rows)
            let next = found ? position + 1 : position
            return next < rows.count ? rows[next].index : nil
        }
    }

    /// The cell, or `nil` when the row or the column is absent.
    public func value(column: UInt32, index: ObjectIdentifier) async throws -> SNMPValue? {
        row(index)?[column]
    }

    /// Whether ``setRow(_:values:)`` or a RowStatus creation added the row.
    public func rowExists(_ index: ObjectIdentifier) async throws -> Bool {
        row(index) != nil
    }

    /// Asks the `isValidIndex` closure given to ``init(isValidIndex:)``.
    public func isValidIndex(_ index: ObjectIdentifier) -> Bool { validIndex(index) }

    /// Changes one cell; a missing row is `inconsistentName` (RFC 3416 §4.2.5 step 8).
    public func setValue(_ value: SNMPValue, column: UInt32, index: ObjectIdentifier) async throws {
        let updated = rows.withLockedValue { rows in
            let (position, found) = Self.position(of: index, in: rows)
            if found { rows[position].values[column] = value }
            return found
        }
        guard updated else { throw SNMPError.status(.inconsistentName, "no row \(index)") }
    }

    /// Adds the row the responder built from a RowStatus createAndGo/createAndWait.
    public func createRow(_ index: ObjectIdentifier, values: [UInt32: SNMPValue]) async throws {
        setRow(index, values: values)
    }

    /// Removes the row and returns its cells for undo; an absent row yields no cells.
    public func destroyRow(_ index: ObjectIdentifier) async throws -> [UInt32: SNMPValue] {
        removeRow(index) ?? [:]
    }
}
