// custom-timeout-and-retries: how long to wait for each attempt and how often to retransmit. A request
// that never gets an answer throws SNMPError with code .timeout after timeout x (retries + 1).
//
// Net-SNMP: snmpget -v2c -c public -t 2 -r 1 HOST:161 SNMPv2-MIB::sysDescr.0
import SNMP

enum CustomTimeoutAndRetries: ManagerExample {
    static let name = "custom-timeout-and-retries"
    static let group = ExampleGroup.manager
    static let summary = "per-target timeout and retry count"

    static func run(_ peer: Peer) async throws {
        let configuration = SNMPClient.Configuration(timeout: .seconds(2), retries: 1)
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.community),
                                 configuration: configuration) { client in
            print(client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
        }
    }
}
