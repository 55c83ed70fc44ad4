// multiple-usm-users: one agent, three USM users: MD5+DES read-write, SHA+AES-128 read-write, and
// SHA-256+AES-256 read-only.
//
// Net-SNMP: snmpd.conf
//   createUser usr-md5-des MD5 authkey1234 DES privkey1234      rwuser usr-md5-des
//   createUser usr-sha-aes128 SHA authkey1234 AES privkey1234   rwuser usr-sha-aes128
//   createUser usr-sha256-aes256 SHA-256 authkey1234 AES-256 privkey1234   rouser usr-sha256-aes256
import NIOCore
import SNMP

enum MultipleUSMUsers: ResponderExample {
    static let name = "multiple-usm-users"
    static let group = ExampleGroup.cmdrsp
    static let summary = "several SNMPv3 users with different protocols and rights"

    static func run(_ peer: Peer) async throws {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = peer.listen(or: ["udp:127.0.0.1:0"])
        configuration.users = [
            AgentUser(USMUser(userName: "usr-md5-des", auth: .hmacMD5, authSecret: .passphrase(peer.authKey),
                              priv: .des, privSecret: .passphrase(peer.privKey))),
            AgentUser(USMUser(userName: "usr-sha-aes128", auth: .hmacSHA, authSecret: .passphrase(peer.authKey),
                              priv: .aes128, privSecret: .passphrase(peer.privKey))),
            AgentUser(USMUser(userName: "usr-sha256-aes256", auth: .hmacSHA256, authSecret: .passphrase(peer.authKey),
                              priv: .aes256Blumenthal, privSecret: .passphrase(peer.privKey)), access: .readOnly),
        ]
        let agent = try await SNMPAgent.start(configuration: configuration)
        try await peer.serve(on: agent.localAddresses())
        await agent.shutdown()
    }

    /// Offline: each user reads sysDescr.0.
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws {
        let versions: [SNMPClient.Version] = [
            .v3(user: "usr-md5-des", auth: .md5(peer.authKey), priv: .des(peer.privKey)),
            .v3(user: "usr-sha-aes128", auth: .sha(peer.authKey), priv: .aes128(peer.privKey)),
            .v3(user: "usr-sha256-aes256", auth: .sha256(peer.authKey), priv: .aes256(peer.privKey)),
        ]
        for version in versions {
            try await withSNMPClient(agent: ExampleFormat.first(addresses), version: version) { client in
                guard case .v3(let user, _, _, _, _, _, _, _) = version else { return }
                print("\(user): " + client.describe(try await client.get("SNMPv2-MIB::sysDescr.0")))
            }
        }
    }
}
