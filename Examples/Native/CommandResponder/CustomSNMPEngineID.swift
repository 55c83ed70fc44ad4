// custom-snmp-engine-id: the agent's snmpEngineID chosen instead of generated (RFC 3411 §5: enterprise
// number, format, value); SNMPv3 managers discover it, and keys are localized to it.
//
// Net-SNMP: snmpd.conf `engineID` / `exactEngineID 0x80007f5904616c706861`; to see it:
//   snmpget -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 HOST:161 SNMP-FRAMEWORK-MIB::snmpEngineID.0
import NIOCore
import SNMP

enum CustomSNMPEngineID: ResponderExample {
    static let name = "custom-snmp-engine-id"
    static let group = ExampleGroup.cmdrsp
    static let summary = "agent with a chosen engine ID"

    static func run(_ peer: Peer) async throws {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = peer.listen(or: ["udp:127.0.0.1:0"])
        configuration.engineID = OctetString([0x80, 0x00, 0x7f, 0x59, 0x04] + Array("alpha".utf8))   // RFC 3411 format 4: text
        configuration.users = [AgentUser(USMUser(userName: "usr-sha-aes128", auth: .hmacSHA, authSecret: .passphrase(peer.authKey),
                                                 priv: .aes128, privSecret: .passphrase(peer.privKey)))]
        let agent = try await SNMPAgent.start(configuration: configuration)
        print("engine ID \(agent.engineState.engineIDHex)")
        try await peer.serve(on: agent.localAddresses())
        await agent.shutdown()
    }

    /// Offline: an SNMPv3 manager reads the engine ID it discovered.
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws {
        let version = SNMPClient.Version.v3(user: "usr-sha-aes128", auth: .sha(peer.authKey), priv: .aes128(peer.privKey))
        try await withSNMPClient(agent: ExampleFormat.first(addresses), version: version) { client in
            print(client.describe(try await client.get("SNMP-FRAMEWORK-MIB::snmpEngineID.0")))
        }
    }
}
