// usm-localized-keys: SNMPv3 with keys already localized to the agent's engine ID (Kul, RFC 3414 §2.6), as
// an agent's configuration stores them. Localized keys only fit that one engine, so the engine ID is given too.
//
// Net-SNMP: snmpget -v3 -l authPriv -u usr-sha-aes128 -a SHA -3k 0x0bcde15848fca474d7f6771b723d9f96e0e9476e -x AES -3K 0x6e3d95cdb3933efc0294e05bc6e11539 -e 0x80001f8880aabbccdd00000001 HOST:161 SNMPv2-MIB::sysDescr.0
// (The keys of authkey1234 / privkey1234 with SHA-1, localized to engine 80001f8880aabbccdd00000001.)
import SNMP

enum UsmLocalizedKeys: ManagerExample {
    static let name = "usm-localized-keys"
    static let group = ExampleGroup.manager
    static let summary = "SNMPv3 with localized keys (Kul) instead of passphrases"

    static func run(_ peer: Peer) async throws {
        let authKey = try hexBytes("0bcde15848fca474d7f6771b723d9f96e0e9476e")
        let privKey = try hexBytes("6e3d95cdb3933efc0294e05bc6e11539")
        let engineID = try peer.engineID ?? OctetString(hexBytes("80001f8880aabbccdd00000001"))
        let version = SNMPClient.Version.v3(user: peer.user("usr-sha-aes128"),
                                            auth: .key(.hmacSHA, .localizedKey(authKey)),
                                            priv: .key(.aes128, .localizedKey(privKey)), engineID: engineID)
        try await withSNMPClient(agent: peer.agent, version: version) { client in
            print(client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
        }
    }
}
