// implementing-dynamic-snmp-table: a table whose rows are computed when a request comes in (here: one row
// per second the agent has been up, at most five), as a process table or a routing table would be.
//
// Net-SNMP: a table handler in C with a cache; to watch it: snmpwalk -v2c -c public HOST:161 .1.3.6.1.4.1.32473.3
import NIOCore
import SNMP

enum ImplementingDynamicSNMPTable: ResponderExample {
    static let name = "implementing-dynamic-snmp-table"
    static let group = ExampleGroup.cmdrsp
    static let summary = "serve a table whose rows are computed on each request"

    static func run(_ peer: Peer) async throws {
        let started = ContinuousClock.now
        var configuration = AgentConfiguration()
        configuration.listenAddresses = peer.listen(or: ["udp:127.0.0.1:0"])
        configuration.communities = [AgentCommunity("public")]
        let agent = try await SNMPAgent.start(configuration: configuration, registerMIB: { mib in
            try mib.register(table: "1.3.6.1.4.1.32473.3.1", columns: [
                MIBColumn(2, access: .readOnly, syntax: .octetString()),
            ], rows: SnapshotTableRows {
                let seconds = min(5, Int((ContinuousClock.now - started).components.seconds) + 1)
                return (1...seconds).map { row in
                    MIBTableRow(index: [UInt32(row)], values: [2: .octetString(OctetString("row \(row) of \(seconds)"))])
                }
            })
        })
        try await peer.serve(on: agent.localAddresses())
        await agent.shutdown()
    }

    /// Offline: a manager walks the table twice, a second apart, and sees it grow.
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws {
        try await withSNMPClient(agent: ExampleFormat.first(addresses), version: .v2c(community: "public")) { client in
            for pass in 1...2 {
                var rows = 0
                for try await _ in client.walk(ObjectIdentifier("1.3.6.1.4.1.32473.3")) { rows += 1 }
                print("walk \(pass): \(rows) rows")
                if pass == 1 { try await Task.sleep(for: .seconds(1)) }
            }
        }
    }
}
