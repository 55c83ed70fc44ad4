// determine-peer-network-address (native API): each ReceivedNotification carries the sender's transport
// address and the local address it arrived on (and, for SNMPv1, the agent-addr the sender claims).
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
        let addresses = try peer.listen(or: ["udp:127.0.0.1:0"]).map { try ListenAddress.parse($0) }
        let engine = try await SNMPEngine.start(listeningOn: addresses)
        let (notifications, arrived) = AsyncStream.makeStream(of: ReceivedNotification.self)
        let receiver = NotificationReceiver(dispatcher: engine.dispatcher, communities: ["public"]) { arrived.yield($0) }
        receiver.start()
        try await peer.receive(on: engine.dispatcher.localAddresses().get())
        for await received in notifications.prefix(peer.expectedNotifications) {
            let local = received.localAddress.map(ExampleFormat.address) ?? "?"
            print("received \(received.pdu.type) from \(ExampleFormat.address(received.source)) -> \(local)")
        }
        receiver.stop()
        await engine.shutdown()
    }

    /// Offline: one trap.
    static func sendTestNotifications(to addresses: [SocketAddress], _ peer: Peer) async throws {
        try await withSNMPNotifier(agent: ExampleFormat.first(addresses), version: .v2c(community: "public")) { notifier in
            try await notifier.sendTrap(.coldStart)
        }
    }
}
