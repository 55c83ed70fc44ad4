public import SNMPApplications
public import SNMPMIB

/// A conceptual table fetched in one walk: its columns by name and its rows by decoded INDEX.
///
/// ```swift
/// let table = try await client.table("IF-MIB::ifTable")
/// for row in table.rows {
///     print(row.index, row["ifDescr"] ?? .null)      // [1] STRING lo
/// }
/// let lo = table.row(index: "1")                     // the row whose index prints as `1`
/// ```
public struct SNMPTable: Sendable {
    /// One conceptual row (RFC 2578 §7.1.12): the instance suffix, its decoded INDEX values, and a value per column.
    public struct Row: Sendable {
        /// The arcs after the column OID (the instance suffix).
        public var indexOID: ObjectIdentifier
        /// The INDEX values decoded per the row's INDEX clause (the base row's, for AUGMENTS); empty when
        /// the suffix does not decode.
        public var index: [MIBIndexValue]
        /// The suffix as Net-SNMP prints it after a column name, without the leading dot: `1`, `1."comm1"`.
        public var indexText: String
        /// The values by column name; a column the agent skipped for this row is absent.
        public var values: [String: SNMPValue]

        /// The value of a column.
        public subscript(column: String) -> SNMPValue? { values[column] }
    }

    /// The table's name in Net-SNMP's default style (`IF-MIB::ifTable`).
    public var name: String
    /// The table's OID.
    public var oid: ObjectIdentifier
    /// The column names, in column order.
    public var columns: [String]
    /// The rows, in index order.
    public var rows: [Row]
    /// What the walk noticed and worked around (see ``WalkWarning``).
    public var warnings: [WalkWarning] = []
    /// How many requests the walk sent.
    public var requests = 0

    /// Creates a table value.
    public init(name: String, oid: ObjectIdentifier, columns: [String], rows: [Row]) {
        self.name = name
        self.oid = oid
        self.columns = columns
        self.rows = rows
    }

    /// The row with these decoded INDEX values (`[.integer(1, label: nil)]` for ifIndex 1).
    public subscript(index index: [MIBIndexValue]) -> Row? {
        rows.first { $0.index == index }
    }

    /// The row whose index prints as `indexText` (`"1"`, `"ipv4.\"10.0.0.1\""`).
    public func row(index indexText: String) -> Row? {
        rows.first { $0.indexText == indexText }
    }
}

extension SNMPClient {
    /// Fetches a whole table by name, its columns side by side (GETBULK in SNMPv2c and v3, GETNEXT in SNMPv1).
    /// - Throws: `SNMPError` `.invalidArgument` when the name is unknown or not a table.
    public func table(_ name: String) async throws(SNMPError) -> SNMPTable {
        try await table(oid(for: name))
    }

    /// Fetches the table at `oid`, which the client's MIBs must describe (a one-table ``table(oids:)``).
    public func table(_ oid: ObjectIdentifier) async throws(SNMPError) -> SNMPTable {
        try await table(oids: [oid])
    }
}
