// get-table-object-by-index: a table cell named by its column and row index: IF-MIB::ifDescr.1.
//
// Net-SNMP: snmpget -v2c -c public HOST:161 IF-MIB::ifDescr.1
import SNMP

enum GetTableObjectByIndex: ManagerExample {
    static let name = "get-table-object-by-index"
    static let group = ExampleGroup.manager
    static let summary = "address a table cell by MIB name plus index value"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.community)) { client in
            print(client.describe(try await client.get("IF-MIB", "ifDescr", 1)))
            print(client.describe(try await client.get("IF-MIB::ifType.1")))    // the same, in one string
        }
    }
}
