// custom-contextengineid: the scoped PDU names the SNMP engine whose MIB is meant (contextEngineID, RFC 3411
// §3.3.2); by default it is the agent's own engine ID. A proxy uses it to pick the agent behind it.
//
// Net-SNMP: snmpget -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 -E 0x80001f8880aabbccdd00000001 HOST:161 SNMPv2-MIB::sysDescr.0
import SNMP

enum CustomContextEngineID: ManagerExample {
    static let name = "custom-contextengineid"
    static let group = ExampleGroup.manager
    static let summary = "SNMPv3 GET with a chosen context engine ID"

    static func run(_ peer: Peer) async throws {
        let contextEngineID = try peer.contextEngineID ?? OctetString(hexBytes("80001f8880aabbccdd00000001"))
        let version = SNMPClient.Version.v3(user: peer.user("usr-sha-aes128"), auth: .sha(peer.authKey),
                                            priv: .aes128(peer.privKey), contextEngineID: contextEngineID)
        try await withSNMPClient(agent: peer.agent, version: version) { client in
            print(client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
        }
    }
}
