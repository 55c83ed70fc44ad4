// specific-v3-engine-id: SNMPv3 with the authoritative engine ID known in advance, so the first request
// goes out authenticated without the discovery round trip (RFC 3414 §4). Time synchronisation still
// happens automatically (one notInTimeWindow report, then the retry).
//
// Net-SNMP: snmpget -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 -e 0x80001f8880aabbccdd00000001 HOST:161 SNMPv2-MIB::sysDescr.0
import SNMP

enum SpecificV3EngineID: ManagerExample {
    static let name = "specific-v3-engine-id"
    static let group = ExampleGroup.manager
    static let summary = "SNMPv3 with the agent's engine ID given up front (no discovery)"

    static func run(_ peer: Peer) async throws {
        let engineID = try peer.engineID ?? OctetString(hexBytes("80001f8880aabbccdd00000001"))
        let version = SNMPClient.Version.v3(user: peer.user("usr-sha-aes128"), auth: .sha(peer.authKey),
                                            priv: .aes128(peer.privKey), engineID: engineID)
        try await withSNMPClient(agent: peer.agent, version: version) { client in
            print(client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
        }
    }
}
