// send-packet-from-specific-address (native API): an engine bound to a chosen local address sends its
// notifications from there, so the receiver sees that source (and v1 agent-addr can match it).
//
// Net-SNMP: snmptrap -v2c -c public --clientaddr=127.0.0.1 HOST:162 '' SNMPv2-MIB::coldStart
import NIOCore
import SNMP

enum SendPacketFromSpecificAddress: OriginatorExample {
    static let name = "send-packet-from-specific-address"
    static let group = ExampleGroup.ntforg
    static let summary = "notifications leave from a chosen local address"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        let engine = try await SNMPEngine.start(listeningOn: [try SocketAddress(ipAddress: "127.0.0.1", port: 0)])
        let target = try SNMPTarget(agent: peer.agent, defaultPort: 162, security: .community(.v2c, OctetString(peer.community)))
        try engine.notificationOriginator.sendTrap(SNMPNotification(.coldStart, upTime: 100), to: target)
        print("sent from \(try await engine.dispatcher.localAddresses().get().map { "\($0)" }.joined())")
        await engine.shutdown()
    }
}
