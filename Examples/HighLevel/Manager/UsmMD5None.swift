// usm-md5-none: an SNMPv3 GET authenticated with HMAC-MD5-96, not encrypted (authNoPriv).
//
// Net-SNMP: snmpget -v3 -l authNoPriv -u usr-md5-none -a MD5 -A authkey1234 HOST:161 SNMPv2-MIB::sysDescr.0
import SNMP

enum UsmMD5None: ManagerExample {
    static let name = "usm-md5-none"
    static let group = ExampleGroup.manager
    static let summary = "SNMPv3 GET at authNoPriv with HMAC-MD5-96"

    static func run(_ peer: Peer) async throws {
        let version = SNMPClient.Version.v3(user: peer.user("usr-md5-none"), auth: .md5(peer.authKey))
        try await withSNMPClient(agent: peer.agent, version: version) { client in
            print(client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
        }
    }
}
