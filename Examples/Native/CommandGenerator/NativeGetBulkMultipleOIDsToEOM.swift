// getbulk-multiple-oids-to-eom (native API): GETBULK requests repeated with the last OID of each column
// until every column reached endOfMibView.
//
// Net-SNMP: snmpbulkwalk -v2c -c public HOST:161 .1.3.6.1.2.1.1 (and .1.3.6.1.2.1.2, together)
import SNMP

enum NativeGetBulkMultipleOIDsToEOM: ManagerExample {
    static let name = "getbulk-multiple-oids-to-eom"
    static let group = ExampleGroup.cmdgen
    static let summary = "GETBULK walk of several OIDs to the end of the MIB view"

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, security: .community(.v2c, OctetString(peer.community)))
        var columns: [ObjectIdentifier] = ["1.3.6.1.2.1.1", "1.3.6.1.2.1.2"]
        var received = 0
        var requests = 0
        while !columns.isEmpty {
            let response = try await engine.commandGenerator.send(
                .getBulk(requestID: 0, nonRepeaters: 0, maxRepetitions: 25, oids: columns), to: target)
            requests += 1
            received += response.varBinds.count
            // RFC 3416 §4.2.3: the varbinds come row by row; the last row holds each column's latest OID.
            let lastRow = response.varBinds.suffix(columns.count)
            guard lastRow.count == columns.count else { break }
            columns = lastRow.filter { $0.value != .endOfMibView }.map(\.oid)
        }
        print("\(received) varbinds in \(requests) GETBULK requests, every column at the end of the MIB view")
        await engine.shutdown()
    }
}
