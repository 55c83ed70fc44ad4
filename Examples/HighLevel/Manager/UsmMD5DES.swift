// usm-md5-des: an SNMPv3 GET authenticated with HMAC-MD5-96 and encrypted with CBC-DES (authPriv).
//
// Net-SNMP: snmpget -v3 -l authPriv -u usr-md5-des -a MD5 -A authkey1234 -x DES -X privkey1234 HOST:161 SNMPv2-MIB::sysDescr.0
import SNMP

enum UsmMD5DES: ManagerExample {
    static let name = "usm-md5-des"
    static let group = ExampleGroup.manager
    static let summary = "SNMPv3 GET at authPriv with HMAC-MD5-96 and DES"

    static func run(_ peer: Peer) async throws {
        let version = SNMPClient.Version.v3(user: peer.user("usr-md5-des"), auth: .md5(peer.authKey), priv: .des(peer.privKey))
        try await withSNMPClient(agent: peer.agent, version: version) { client in
            print(client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
        }
    }
}
