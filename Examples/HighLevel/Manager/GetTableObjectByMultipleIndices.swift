// get-table-object-by-multiple-indices: usmUserTable is indexed by (usmUserEngineID, usmUserName), two
// OCTET STRINGs; each becomes its length followed by its octets (RFC 2578 §7.7), so the row of user
// usr-sha-aes128 on the agent's engine is usmUserStatus.13.128.0.31....14.117.115.114...
//
// Net-SNMP: snmpget -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 HOST:161 SNMP-USER-BASED-SM-MIB::usmUserStatus.13.128.0.31.136.128.170.187.204.221.0.0.0.1.14.117.115.114.45.115.104.97.45.97.101.115.49.50.56
import SNMP

enum GetTableObjectByMultipleIndices: ManagerExample {
    static let name = "get-table-object-by-multiple-indices"
    static let group = ExampleGroup.manager
    static let summary = "address a table cell whose INDEX has several parts"

    static func run(_ peer: Peer) async throws {
        let engineID = try peer.engineID ?? OctetString(hexBytes("80001f8880aabbccdd00000001"))
        let user = peer.user("usr-sha-aes128")
        let version = SNMPClient.Version.v3(user: user, auth: .sha(peer.authKey), priv: .aes128(peer.privKey))
        try await withSNMPClient(agent: peer.agent, version: version) { client in
            let index = [UInt32(engineID.count)] + engineID.bytes.map(UInt32.init)
                + [UInt32(user.utf8.count)] + user.utf8.map(UInt32.init)
            let status = try client.oid(module: "SNMP-USER-BASED-SM-MIB", name: "usmUserStatus", index: index)
            print(client.describe(try await client.get(status)))
        }
    }
}
