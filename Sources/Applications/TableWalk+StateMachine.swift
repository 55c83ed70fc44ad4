public import SNMPSMI

/// A walk of several columns side by side (one GETNEXT varbind or GETBULK repeater per column), as
/// snmptable does: one pass over tables that share an index (ifTable + ifXTable), each request carrying
/// every column still going.
public enum TableWalk {
    /// The traversal logic (DESIGN.md, example 5), pure: which OIDs to ask after, and which cells a
    /// response holds. A column ends when its next OID leaves it, at an exception, or when the agent goes
    /// backwards in it (a warning); the others go on.
    ///
    /// ```swift
    /// var machine = TableWalk.StateMachine(columns: ["1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.31.1.1.1.1"])
    /// machine.requestOIDs                    // both columns
    /// let cells = machine.receive(response.varBinds, warnings: &warnings)
    /// ```
    public struct StateMachine: Sendable {
        /// A value of one column.
        public struct Cell: Sendable, Hashable {
            /// The column's position in ``columns``.
            public var column: Int
            /// The object.
            public var varBind: VarBind
        }

        /// The column OIDs being walked.
        public let columns: [ObjectIdentifier]
        /// The last OID seen in each column (the column OID before the first).
        public private(set) var cursors: [ObjectIdentifier]
        /// The positions of the columns still walking, in request order.
        public private(set) var active: [Int]

        /// Starts every column.
        public init(columns: [ObjectIdentifier]) {
            self.columns = columns
            self.cursors = columns
            self.active = Array(columns.indices)
        }

        /// The OIDs the next request asks after, one per active column.
        public var requestOIDs: [ObjectIdentifier] { active.map { cursors[$0] } }

        /// Whether every column has ended.
        public var isFinished: Bool { active.isEmpty }

        /// Takes a response's repeated varbinds (non-repeaters removed), laid out as RFC 3416 §4.2.3 says:
        /// repetition `r` of request varbind `i` at `r × active.count + i`. Returns the cells in it.
        public mutating func receive(_ varBinds: [VarBind], warnings: inout [WalkWarning]) -> [Cell] {
            let width = active.count
            guard width > 0 else { return [] }
            if varBinds.isEmpty {
                active.removeAll()     // an agent that answers nothing has nothing more
                return []
            }
            var cells: [Cell] = []
            var ended = Set<Int>()
            for (position, varBind) in varBinds.enumerated() {
                let column = active[position % width]
                guard !ended.contains(column) else { continue }
                let columnOID = columns[column]
                guard columnOID.isPrefix(of: varBind.oid), varBind.oid.count > columnOID.count,
                      !varBind.value.isException else {
                    ended.insert(column)
                    continue
                }
                guard cursors[column] < varBind.oid else {
                    warnings.append(.notIncreasing(previous: cursors[column], received: varBind.oid))
                    ended.insert(column)
                    continue
                }
                cursors[column] = varBind.oid
                cells.append(Cell(column: column, varBind: varBind))
            }
            active.removeAll { ended.contains($0) }
            return cells
        }

        /// An SNMPv1 agent answered `noSuchName` at request varbind `requestIndex` (0-based among
        /// ``requestOIDs``): that column has ended (RFC 1157 §4.1.3), the request is repeated without it.
        public mutating func columnEnded(atRequestIndex requestIndex: Int) {
            guard active.indices.contains(requestIndex) else {
                active.removeAll()
                return
            }
            active.remove(at: requestIndex)
        }
    }
}
