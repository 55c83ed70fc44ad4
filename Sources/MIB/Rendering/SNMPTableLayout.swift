/// snmptable's layout (Net-SNMP `apps/snmptable.c`, `print_table`): a pure function from column
/// labels and cell texts to the printed table, so the CLI only fetches and renders cells.
///
/// Cells are the values as `-Oq` prints them (``NetSNMPRenderer`` with `quickPrint`); widths are
/// counted in bytes, as `printf("%*s")` does.
///
/// ```swift
/// let text = SNMPTableLayout.render(
///     tableName: "IF-MIB::ifTable", columnLabels: ["ifIndex", "ifDescr"],
///     rows: [.init(index: "1", cells: ["1", "lo"])], options: .init())
/// // "SNMP table: IF-MIB::ifTable\n\n ifIndex ifDescr\n       1      lo\n"
/// ```
public enum SNMPTableLayout {
    /// snmptable's `-C` layout letters.
    public struct Options: Hashable, Sendable {
        /// `-Cf SEP`: no padding, SEP between fields.
        public var fieldSeparator: String?
        /// `-Cw N`: split the table into parts no wider than N (nil or 0: no limit).
        public var maxWidth: Int?
        /// `-Cc N` as typed (Net-SNMP rejects N <= 2): every field N wide, cut to N-1 bytes.
        public var columnWidth: Int?
        /// `-Ci`: an `index` column first.
        public var showIndex = false
        /// `-Cb`: drop the prefix all column labels share.
        public var brief = false
        /// `-Cl`: left-justify.
        public var leftJustify = false
        /// `-CH`: no title and no header line.
        public var noHeaders = false
        /// `-Ch`: the header line only.
        public var headersOnly = false

        /// No `-C` options.
        public init() {}
    }

    /// One table row: the instance suffix (shown by `-Ci`) and one cell per column, `nil` where
    /// the agent returned nothing (printed as `?`).
    public struct Row: Hashable, Sendable {
        /// The index part of the row's OIDs as the name printer writes it (`1`, `1."comm1"`).
        public var index: String
        /// The cell texts, in column order.
        public var cells: [String?]

        /// Creates a row.
        public init(index: String, cells: [String?]) {
            self.index = index
            self.cells = cells
        }
    }

    /// The whole stdout of snmptable for one table, as text.
    public static func render(tableName: String, columnLabels: [String], rows: [Row], options: Options) -> String {
        String(decoding: renderBytes(tableName: tableName, columnLabels: columnLabels, rows: rows, options: options),
               as: UTF8.self)
    }

    /// The whole stdout of snmptable for one table, as bytes (cut-off cells may split UTF-8).
    public static func renderBytes(tableName: String, columnLabels: [String], rows: [Row],
                                   options: Options) -> [UInt8] {
        var out: [UInt8] = []
        let name = Array(tableName.utf8)
        if !rows.isEmpty || options.headersOnly {
            let table = Table(columnLabels: columnLabels, rows: options.headersOnly ? [] : rows, options: options)
            table.print(tableName: name, to: &out)
        }
        if rows.isEmpty || options.headersOnly {
            out.append(contentsOf: name)
            out.append(contentsOf: ": No entries\n".utf8)
        }
        return out
    }
}

/// The prepared table: labels after `-Cb`, cells with line feeds turned into spaces, and widths.
private struct Table {
    let options: SNMPTableLayout.Options
    var labels: [[UInt8]]
    var cells: [[[UInt8]?]]
    var indexes: [[UInt8]]
    var widths: [Int]
    var indexWidth = 6              // sizeof("index ") - 1
    let columnWidth: Int            // -Cc N is kept as N - 1, the text width
    let maxWidth: Int
    let separator: [UInt8]?

    init(columnLabels: [String], rows: [SNMPTableLayout.Row], options: SNMPTableLayout.Options) {
        self.options = options
        columnWidth = options.columnWidth.map { max($0 - 1, 0) } ?? 0
        maxWidth = options.maxWidth ?? 0
        separator = options.fieldSeparator.map { Array($0.utf8) }
        labels = columnLabels.map { Array($0.utf8) }
        if options.brief && labels.count > 1 {
            let common = Self.briefPrefixLength(labels)
            if common > 0 { labels = labels.map { Array($0.dropFirst(common)) } }
        }
        widths = labels.map(\.count)
        indexes = []
        cells = []
        cells.reserveCapacity(rows.count)
        for row in rows {
            let index = Array(row.index.utf8)
            if options.showIndex { indexWidth = max(indexWidth, index.count) }
            indexes.append(index)
            var line: [[UInt8]?] = []
            line.reserveCapacity(labels.count)
            for column in 0..<labels.count {
                guard column < row.cells.count, let text = row.cells[column] else {
                    line.append(nil)
                    continue
                }
                // snmptable turns embedded line feeds into spaces before measuring.
                let cell = text.utf8.map { $0 == 0x0A ? 0x20 : $0 }
                widths[column] = max(widths[column], cell.count)
                line.append(cell)
            }
            cells.append(line)
        }
    }

    /// The length `-Cb` strips, with snmptable's off-by-one when one label starts the next.
    static func briefPrefixLength(_ labels: [[UInt8]]) -> Int {
        var common = labels[0].count
        for field in 1..<labels.count {
            let f1 = labels[field - 1]
            let f2 = labels[field]
            // while (*f1 && *f1++ == *f2++); len = f2 - label - 1
            var i = 0
            var advanced = 0
            while i < f1.count {
                let a = f1[i]
                let b: UInt8 = i < f2.count ? f2[i] : 0
                i += 1
                advanced += 1
                if a != b { break }
            }
            common = min(common, advanced - 1)
        }
        return max(common, 0)
    }

    func print(tableName: [UInt8], to out: inout [UInt8]) {
        let fields = labels.count
        if !options.noHeaders && !options.headersOnly {
            out.append(contentsOf: "SNMP table: ".utf8)
            out.append(contentsOf: tableName)
            out.append(contentsOf: "\n\n".utf8)
        }
        var part = 0
        var lastField = 0
        while lastField != fields {
            part += 1
            if part != 1 && !options.noHeaders {
                out.append(contentsOf: "\nSNMP table ".utf8)
                out.append(contentsOf: tableName)
                out.append(contentsOf: ", part \(part)\n\n".utf8)
            }
            let firstField = lastField
            var width = 0
            if options.showIndex && !options.noHeaders && columnWidth == 0 {
                width = indexWidth
                printIndex(Array("index".utf8), to: &out)
            }
            var field = firstField
            while field < fields {
                if maxWidth > 0 {
                    if columnWidth != 0 {
                        if !options.noHeaders {
                            width += columnWidth + 1
                            if field != firstField && width > maxWidth {
                                out.append(0x0A)
                                width = columnWidth + 1
                            }
                        }
                    } else {
                        width += widths[field] + 1
                        if field != firstField && width > maxWidth { break }
                    }
                }
                if !options.noHeaders { printField(field, labels[field], to: &out) }
                field += 1
            }
            lastField = field
            if !options.noHeaders { out.append(0x0A) }
            for (row, line) in cells.enumerated() {
                width = 0
                if options.showIndex {
                    if columnWidth == 0 { width = indexWidth }
                    printIndex(indexes[row], to: &out)
                }
                for column in firstField..<lastField {
                    if columnWidth != 0 && maxWidth > 0 {
                        width += columnWidth + 1
                        if column != firstField && width > maxWidth {
                            out.append(0x0A)
                            width = columnWidth + 1
                        }
                    }
                    printField(column, line[column] ?? [UInt8(ascii: "?")], to: &out)
                }
                out.append(0x0A)
            }
        }
    }

    /// The index column: `\nindex: %s\n` with -Cc, `%s` with -Cf, else `%6s` (or wider).
    private func printIndex(_ text: [UInt8], to out: inout [UInt8]) {
        if columnWidth != 0 {
            out.append(contentsOf: "\nindex: ".utf8)
            out.append(contentsOf: text)
            out.append(0x0A)
        } else if separator == nil {
            pad(text, width: indexWidth, precision: nil, to: &out)
        } else {
            out.append(contentsOf: text)
        }
    }

    /// One header or data field in the column's printf format.
    private func printField(_ field: Int, _ text: [UInt8], to out: inout [UInt8]) {
        if columnWidth != 0 {
            pad(text, width: columnWidth + 1, precision: columnWidth, to: &out)
        } else if let separator {
            if field != 0 || options.showIndex { out.append(contentsOf: separator) }
            out.append(contentsOf: text)
        } else {
            pad(text, width: widths[field] + 1, precision: nil, to: &out)
        }
    }

    /// `%[-]WIDTH[.PRECISION]s`.
    private func pad(_ text: [UInt8], width: Int, precision: Int?, to out: inout [UInt8]) {
        let shown = precision.map { min($0, text.count) } ?? text.count
        let fill = max(width - shown, 0)
        if !options.leftJustify { out.append(contentsOf: repeatElement(0x20, count: fill)) }
        out.append(contentsOf: text[..<shown])
        if options.leftJustify { out.append(contentsOf: repeatElement(0x20, count: fill)) }
    }
}
