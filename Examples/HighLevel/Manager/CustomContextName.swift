// custom-contextname: the scoped PDU names a context (RFC 3411 §3.3.1): one agent can serve several
// instances of a MIB, one per context. Our example agent serves context "lab" besides the default one.
//
// Net-SNMP: snmpget -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 -n lab HOST:161 SNMPv2-MIB::sysDescr.0
import SNMP

enum CustomContextName: ManagerExample {
    static let name = "custom-contextname"
    static let group = ExampleGroup.manager
    static let summary = "SNMPv3 GET in a named context"

    static func run(_ peer: Peer) async throws {
        let version = SNMPClient.Version.v3(user: peer.user("usr-sha-aes128"), auth: .sha(peer.authKey),
                                            priv: .aes128(peer.privKey), contextName: peer.contextName)
        try await withSNMPClient(agent: peer.agent, version: version) { client in
            print("context \"\(peer.contextName)\": " + client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
        }
    }
}
