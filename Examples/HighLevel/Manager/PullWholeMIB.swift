// pull-whole-mib: walk an agent's whole MIB with GETNEXT over SNMPv3/USM (authPriv: HMAC-SHA + AES-128).
//
// Net-SNMP: snmpwalk -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 HOST .1
// Engine discovery and time synchronisation happen on the first request, invisibly. The walk is an
// AsyncSequence that ends at the end of the agent's MIB view.
import SNMP

enum PullWholeMIB: ManagerExample {
    static let name = "pull-whole-mib"
    static let group = ExampleGroup.manager
    static let summary = "walk an agent's whole MIB with GETNEXT over SNMPv3/USM"

    static func run(_ peer: Peer) async throws {
        let version = SNMPClient.Version.v3(user: peer.user("usr-sha-aes128"),
                                            auth: .sha(peer.authKey), priv: .aes128(peer.privKey))
        try await withSNMPClient(agent: peer.agent, version: version) { client in
            var count = 0
            for try await varBind in client.walk("1") {     // GETNEXT from the root to endOfMibView
                if count < 10 { print(client.describe(varBind)) }
                count += 1
            }
            print("... \(count) objects in all")
        }
    }
}
