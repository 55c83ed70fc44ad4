// usm-master-keys: SNMPv3 with the keys given as master keys (Ku, RFC 3414 §2.6: the passphrase already
// hashed, not yet localized). The library localizes them to the agent's engine ID after discovery.
//
// Net-SNMP: snmpget -v3 -l authPriv -u usr-sha-aes128 -a SHA -3m 0x49b1d44a1038a3a2d9f8106565ce3b9f9eb6d5cf -x AES -3M 0xc5755b2cb8682aad5a31b8e5cc08108f312421aa HOST:161 SNMPv2-MIB::sysDescr.0
// (These are the master keys of the passphrases authkey1234 / privkey1234 with SHA-1.)
import SNMP

enum UsmMasterKeys: ManagerExample {
    static let name = "usm-master-keys"
    static let group = ExampleGroup.manager
    static let summary = "SNMPv3 with master keys (Ku) instead of passphrases"

    static func run(_ peer: Peer) async throws {
        let authKey = try hexBytes("49b1d44a1038a3a2d9f8106565ce3b9f9eb6d5cf")
        let privKey = try hexBytes("c5755b2cb8682aad5a31b8e5cc08108f312421aa")
        let version = SNMPClient.Version.v3(user: peer.user("usr-sha-aes128"),
                                            auth: .key(.hmacSHA, .masterKey(authKey)),
                                            priv: .key(.aes128, .masterKey(privKey)))
        try await withSNMPClient(agent: peer.agent, version: version) { client in
            print(client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
        }
    }
}
