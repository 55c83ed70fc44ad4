public import SNMPSMI

/// A column of a conceptual table (RFC 2578 §7.10): its sub-identifier under the entry, MAX-ACCESS
/// and syntax.
public struct MIBColumn: Hashable, Sendable {
    /// The column's sub-identifier under the entry (`ifDescr` is 2 under `ifEntry`).
    public var id: UInt32
    /// MAX-ACCESS.
    public var access: ManagedObjectAccess
    /// What a Set must send.
    public var syntax: ManagedObjectSyntax
    /// `true` for the table's RowStatus column (RFC 2579), which creates and destroys rows.
    public var isRowStatus: Bool
    /// `true` when a row cannot become active without a value here (and ``defaultValue`` is `nil`).
    public var isRequired: Bool
    /// The value a created row starts with when the request does not set this column.
    public var defaultValue: SNMPValue?

    /// Creates a column.
    public init(_ id: UInt32, access: ManagedObjectAccess, syntax: ManagedObjectSyntax, isRequired: Bool = false,
                defaultValue: SNMPValue? = nil) {
        self.id = id
        self.access = access
        self.syntax = syntax
        self.isRowStatus = false
        self.isRequired = isRequired
        self.defaultValue = defaultValue
    }

    /// The RowStatus column `id` (read-create, INTEGER 1..6).
    public static func rowStatus(_ id: UInt32) -> MIBColumn {
        var column = MIBColumn(id, access: .readCreate, syntax: .rowStatus)
        column.isRowStatus = true
        return column
    }
}

/// The rows of a conceptual table, implemented by the agent's developer (or use ``MIBTableStore``).
///
/// Rows are keyed by their index OID (the arcs after `entry.column`) and must be returned in OID order.
/// The responder turns Get, GetNext, GetBulk and Set (RowStatus included) into these calls.
public protocol MIBTableRows: Sendable {
    /// The index of the first row after `index` in OID order, or of the first row when `index` is `nil`.
    /// `index` need not be the index of an existing row.
    func index(after index: ObjectIdentifier?) async throws -> ObjectIdentifier?
    /// The value of one cell, or `nil` when the row or the cell does not exist.
    func value(column: UInt32, index: ObjectIdentifier) async throws -> SNMPValue?
    /// `true` when the row exists.
    func rowExists(_ index: ObjectIdentifier) async throws -> Bool
    /// `false` when `index` can never name a row (wrong length, value out of range): noCreation.
    func isValidIndex(_ index: ObjectIdentifier) -> Bool
    /// Changes one cell of an existing row.
    func setValue(_ value: SNMPValue, column: UInt32, index: ObjectIdentifier) async throws
    /// Creates a row with the given cells.
    func createRow(_ index: ObjectIdentifier, values: [UInt32: SNMPValue]) async throws
    /// Removes a row and returns its cells, so that the removal can be undone.
    func destroyRow(_ index: ObjectIdentifier) async throws -> [UInt32: SNMPValue]
}

extension MIBTableRows {
    /// Every index is acceptable by default.
    public func isValidIndex(_ index: ObjectIdentifier) -> Bool { true }
    /// Read-only by default.
    public func setValue(_ value: SNMPValue, column: UInt32, index: ObjectIdentifier) async throws {
        throw SNMPError.status(.notWritable)
    }
    /// No row creation by default.
    public func createRow(_ index: ObjectIdentifier, values: [UInt32: SNMPValue]) async throws {
        throw SNMPError.status(.noCreation)
    }
    /// No row removal by default.
    public func destroyRow(_ index: ObjectIdentifier) async throws -> [UInt32: SNMPValue] {
        throw SNMPError.status(.notWritable)
    }
}
