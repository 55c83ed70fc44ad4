// getbulk-limit-number-of-packets: GETBULK requests issued one by one, at most 3 of them, each continuing
// where the last answer ended.
//
// Net-SNMP: snmpbulkget -v2c -c public -Cr5 HOST:161 SNMPv2-MIB::system   (then again from the last OID)
import SNMP

enum GetBulkLimitNumberOfPackets: ManagerExample {
    static let name = "getbulk-limit-number-of-packets"
    static let group = ExampleGroup.manager
    static let summary = "GETBULK walk bounded by the number of requests"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.community)) { client in
            var next = try client.oid(for: "SNMPv2-MIB::system")
            for packet in 1...3 {
                let answer = try await client.getBulk([next], maxRepetitions: 5)
                print("request \(packet): \(answer.count) varbinds")
                for varBind in answer { print("  " + client.describe(varBind)) }
                guard let last = answer.last, last.value != .endOfMibView else { break }
                next = last.oid
            }
        }
    }
}
