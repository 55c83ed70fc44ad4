// usm-sha-aes128: an SNMPv3 GET authenticated with HMAC-SHA-96 and encrypted with AES-128-CFB (authPriv).
//
// Net-SNMP: snmpget -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 HOST:161 SNMPv2-MIB::sysDescr.0
// The other protocols read the same: .sha224 ... .sha512, .tripleDES, .aes192, .aes256 (and the Cisco variants).
import SNMP

enum UsmSHAAES128: ManagerExample {
    static let name = "usm-sha-aes128"
    static let group = ExampleGroup.manager
    static let summary = "SNMPv3 GET at authPriv with HMAC-SHA-96 and AES-128"

    static func run(_ peer: Peer) async throws {
        let version = SNMPClient.Version.v3(user: peer.user("usr-sha-aes128"), auth: .sha(peer.authKey), priv: .aes128(peer.privKey))
        try await withSNMPClient(agent: peer.agent, version: version) { client in
            print(client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
        }
    }
}
