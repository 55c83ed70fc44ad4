import SNMPMIB
import Testing

/// snmptable's `-C` words as typed (`["-Cw", "60", "-Ci"]` style, split as the shell did).
func tableOptions(_ words: [String]) -> SNMPTableLayout.Options {
    var options = SNMPTableLayout.Options()
    var i = 0
    while i < words.count {
        let letters = words[i].dropFirst(2)
        i += 1
        for letter in letters {
            switch letter {
            case "i": options.showIndex = true
            case "b": options.brief = true
            case "l": options.leftJustify = true
            case "H": options.noHeaders = true
            case "h": options.headersOnly = true
            case "f":
                options.fieldSeparator = words[i]
                i += 1
            case "w":
                options.maxWidth = Int(words[i])
                i += 1
            case "c":
                options.columnWidth = Int(words[i])
                i += 1
            default: break
            }
        }
    }
    return options
}

@Test("snmptable layout matches snmptable 5.9.3 on sysORTable",
      arguments: sysORGoldens.map { ($0.letters, $0.output) })
func sysORTable(words: [String], output: String) {
    let text = SNMPTableLayout.render(tableName: "SNMPv2-MIB::sysORTable", columnLabels: sysORLabels,
                                      rows: sysORRows, options: tableOptions(words))
    #expect(text == lines(output) + "\n")
}

@Test("NETSNMP-OUTPUT.md §8: no rows, missing cells, embedded line feeds, -Cb prefix quirk")
func tableEdges() {
    #expect(SNMPTableLayout.render(tableName: "IF-MIB::ifStackTable", columnLabels: ["ifStackStatus"],
                                   rows: [], options: .init())
            == "IF-MIB::ifStackTable: No entries\n")
    let rows: [SNMPTableLayout.Row] = [.init(index: "1", cells: ["a\nb", nil]), .init(index: "2", cells: ["", "xyz"])]
    #expect(SNMPTableLayout.render(tableName: "T", columnLabels: ["ab", "abc"], rows: rows, options: .init())
            == "SNMP table: T\n\n  ab abc\n a b   ?\n     xyz\n")
    // "ab" is a prefix of "abc": snmptable strips one byte less than the shared prefix.
    var brief = SNMPTableLayout.Options()
    brief.brief = true
    #expect(SNMPTableLayout.render(tableName: "T", columnLabels: ["ab", "abc"], rows: rows, options: brief)
            == "SNMP table: T\n\n   b  bc\n a b   ?\n     xyz\n")
}
