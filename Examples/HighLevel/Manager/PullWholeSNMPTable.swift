// pull-whole-snmp-table: the columns of IF-MIB::ifTable walked together (one GETBULK per batch of rows),
// each row's index decoded by the table's INDEX clause.
//
// Net-SNMP: snmptable -v2c -c public HOST:161 IF-MIB::ifTable
import SNMP

enum PullWholeSNMPTable: ManagerExample {
    static let name = "pull-whole-snmp-table"
    static let group = ExampleGroup.manager
    static let summary = "walk several columns of one table together, row by row"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.community)) { client in
            let table = try await client.table("IF-MIB::ifTable")
            for row in table.rows {
                let descr = row["ifDescr"].map { "\($0)" } ?? "?"
                let type = row["ifType"].map { "\($0)" } ?? "?"
                print("ifIndex \(row.indexText): ifDescr \(descr), ifType \(type)")
            }
            print("\(table.rows.count) rows, \(table.columns.count) columns")
        }
    }
}
