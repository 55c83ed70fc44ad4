// custom-v3-security-name: the local security name (what this program calls the principal, RFC 3411
// §3.2.2) differs from the USM user name that travels on the wire. Useful when two agents know the same
// person under different user names.
//
// Net-SNMP has no option for it (its tools use the user name as security name):
//   snmpget -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 HOST:161 SNMPv2-MIB::sysDescr.0
import SNMP

enum CustomV3SecurityName: ManagerExample {
    static let name = "custom-v3-security-name"
    static let group = ExampleGroup.manager
    static let summary = "SNMPv3 with a security name different from the user name"

    static func run(_ peer: Peer) async throws {
        let version = SNMPClient.Version.v3(user: peer.user("usr-sha-aes128"), auth: .sha(peer.authKey),
                                            priv: .aes128(peer.privKey), securityName: "operations")
        try await withSNMPClient(agent: peer.agent, version: version) { client in
            print(client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
        }
    }
}
