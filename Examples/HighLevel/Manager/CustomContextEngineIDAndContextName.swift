// custom-contextengineid-and-contextname: both halves of the scoped PDU's context chosen.
//
// Net-SNMP: snmpget -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 -E 0x80001f8880aabbccdd00000001 -n lab HOST:161 SNMPv2-MIB::sysDescr.0
import SNMP

enum CustomContextEngineIDAndContextName: ManagerExample {
    static let name = "custom-contextengineid-and-contextname"
    static let group = ExampleGroup.manager
    static let summary = "SNMPv3 GET with both context engine ID and context name"

    static func run(_ peer: Peer) async throws {
        let contextEngineID = try peer.contextEngineID ?? OctetString(hexBytes("80001f8880aabbccdd00000001"))
        let version = SNMPClient.Version.v3(user: peer.user("usr-sha-aes128"), auth: .sha(peer.authKey),
                                            priv: .aes128(peer.privKey), contextName: peer.contextName,
                                            contextEngineID: contextEngineID)
        try await withSNMPClient(agent: peer.agent, version: version) { client in
            print(client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
        }
    }
}
