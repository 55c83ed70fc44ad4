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

    /// The row whose index prints as `indexText` (`"1"`, `"ipv4.\"10.0.0.1\""`).
    public func row(index indexText: String) -> Row? {
        rows.first { $0.indexText == indexText }
    }
}

extension SNMPClient {
    /// Fetches a whole table by name with one walk of its row (GETBULK in SNMPv2c, GETNEXT in SNMPv1).
    /// - Throws: `SNMPError` `.invalidArgument` when the name is unknown or not a table.
    public func table(_ name: String) async throws(SNMPError) -> SNMPTable {
        try await table(oid(for: name))
    }

    /// Fetches the table at `oid`, which the client's MIBs must describe.
    public func table(_ oid: ObjectIdentifier) async throws(SNMPError) -> SNMPTable {
        let tree = mibStore.tree
        guard let table = tree.node(at: oid), table.kind == .table,
              let row = tree.children(of: oid).first(where: { $0.kind == .row }) else {
            throw SNMPError(.invalidArgument, "Was that a table? \(name(of: oid))")
        }
        let columns = tree.children(of: row.oid).filter { $0.kind == .column }
        let context = MIBTreeRenderingContext(tree: tree)
        let decoder = context.indexDecoder(forRow: row)
        var byIndex: [ObjectIdentifier: SNMPTable.Row] = [:]
        let walk = target.version == .v1 ? walk(row.oid) : bulkWalk(row.oid)
        let columnCount = row.oid.count + 1
        for try await varBind in walk {
            guard varBind.oid.count > columnCount,
                  let column = columns.first(where: { $0.oid.arcs.last == varBind.oid.arcs[row.oid.count] }) else {
                continue
            }
            let suffix = varBind.oid.arcs[columnCount...]
            let key = ObjectIdentifier(Array(suffix))
            if byIndex[key] == nil {
                var text = context.resolveName(of: varBind.oid, options: OutputOptions())?.index ?? ""
                if text.hasPrefix(".") { text.removeFirst() }
                byIndex[key] = SNMPTable.Row(indexOID: key, index: decoder?.decode(suffix) ?? [], indexText: text,
                                             values: [:])
            }
            byIndex[key]?.values[column.name] = varBind.value
        }
        let rows = byIndex.keys.sorted().compactMap { byIndex[$0] }
        return SNMPTable(name: name(of: oid), oid: oid, columns: columns.map(\.name), rows: rows)
    }
}
