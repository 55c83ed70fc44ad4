// implementing-snmp-table: a conceptual table (RFC 2578 §7.1.12) kept in memory: an index column, a
// writable name and a RowStatus, so managers can create rows (createAndGo) and destroy them (destroy).
//
// Net-SNMP: a table handler in C (mib2c); to use it:
//   snmpset -v2c -c private HOST:161 .1.3.6.1.4.1.32473.2.1.2.3 s "third" .1.3.6.1.4.1.32473.2.1.3.3 i 4
//   snmpwalk -v2c -c public HOST:161 .1.3.6.1.4.1.32473.2
import NIOCore
import SNMP

enum ImplementingSNMPTable: ResponderExample {
    static let name = "implementing-snmp-table"
    static let group = ExampleGroup.cmdrsp
    static let summary = "serve a table whose rows managers create and destroy"

    static func run(_ peer: Peer) async throws {
        let rows = MIBTableStore()
        rows.setRow([1], values: [1: .integer(1), 2: .octetString("first"), 3: .integer(1)])
        rows.setRow([2], values: [1: .integer(2), 2: .octetString("second"), 3: .integer(1)])
        var configuration = AgentConfiguration()
        configuration.listenAddresses = peer.listen(or: ["udp:127.0.0.1:0"])
        configuration.communities = [AgentCommunity("public"), AgentCommunity("private", access: .readWrite)]
        let agent = try await SNMPAgent.start(configuration: configuration, registerMIB: { mib in
            // exampleEntry = .1.3.6.1.4.1.32473.2.1; cells are entry.column.index.
            try mib.register(table: "1.3.6.1.4.1.32473.2.1", columns: [
                MIBColumn(1, access: .readOnly, syntax: .integer(1...65_535)),
                MIBColumn(2, access: .readCreate, syntax: .octetString(size: 0...32), isRequired: true),
                .rowStatus(3),
            ], rows: rows)
        })
        try await peer.serve(on: agent.localAddresses())
        await agent.shutdown()
    }

    /// Offline: a manager creates row 3 with createAndGo(4) and walks the table.
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws {
        try await withSNMPClient(agent: ExampleFormat.first(addresses), version: .v2c(community: "private")) { client in
            try await client.set([
                VarBind("1.3.6.1.4.1.32473.2.1.2.3", .octetString("third")),
                VarBind("1.3.6.1.4.1.32473.2.1.3.3", .integer(4)),
            ])
            for try await varBind in client.walk(ObjectIdentifier("1.3.6.1.4.1.32473.2")) {
                print(client.describe(varBind))
            }
        }
    }
}
