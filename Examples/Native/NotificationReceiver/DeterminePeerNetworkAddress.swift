// determine-peer-network-address: each ReceivedNotification carries the sender's transport address and the
// local address it arrived on (and, for SNMPv1, the agent-addr the sender claims). TrapReceiver is the
// AsyncSequence face of the native NotificationReceiver.
//
// Net-SNMP: snmptrapd prints `UDP: [SOURCE]:PORT->[LOCAL]:PORT` for each notification
import NIOCore
import SNMP

enum DeterminePeerNetworkAddress: ReceiverExample {
    static let name = "determine-peer-network-address"
    static let group = ExampleGroup.ntfrcv
    static let summary = "tell the application who sent each notification"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        var configuration = TrapReceiver.Configuration(listen: peer.listen(or: ["udp:127.0.0.1:0"]))
        configuration.communities = ["public"]
        let receiver = try await TrapReceiver(configuration: configuration)
        try await peer.receive(on: receiver.localAddresses())
        for await received in receiver.prefix(peer.expectedNotifications) {
            let local = received.localAddress.map(ExampleFormat.address) ?? "?"
            print("received \(received.pdu.type) from \(ExampleFormat.address(received.source)) -> \(local)")
        }
        await receiver.shutdown()
    }

    /// Offline: one trap.
    static func sendTestNotifications(to addresses: [SocketAddress], _ peer: Peer) async throws {
        try await withSNMPNotifier(agent: ExampleFormat.first(addresses), version: .v2c(community: "public")) { notifier in
            try await notifier.sendTrap(.coldStart)
        }
    }
}
