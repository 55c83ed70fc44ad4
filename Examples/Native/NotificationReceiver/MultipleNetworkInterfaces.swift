// multiple-network-interfaces (native API): one engine with a socket per address it listens on (here two
// loopback ports; on a host, e.g. each interface's address on port 162).
//
// Net-SNMP: snmptrapd udp:192.0.2.10:162,udp:198.51.100.10:162
import NIOCore
import SNMP

enum MultipleNetworkInterfaces: ReceiverExample {
    static let name = "multiple-network-interfaces"
    static let group = ExampleGroup.ntfrcv
    static let summary = "one receiver listening on several addresses"
    static let notificationCount = 2

    static func run(_ peer: Peer) async throws {
        let addresses = try peer.listen(or: ["udp:127.0.0.1:0", "udp:127.0.0.1:0"]).map { try ListenAddress.parse($0) }
        let engine = try await SNMPEngine.start(listeningOn: addresses)
        let (notifications, arrived) = AsyncStream.makeStream(of: ReceivedNotification.self)
        let receiver = NotificationReceiver(dispatcher: engine.dispatcher, communities: ["public"]) { arrived.yield($0) }
        receiver.start()
        try await peer.receive(on: engine.dispatcher.localAddresses().get())
        for await received in notifications.prefix(peer.expectedNotifications) {
            print("received \(received.pdu.type) on \(received.localAddress.map(ExampleFormat.address) ?? "?")")
        }
        receiver.stop()
        await engine.shutdown()
    }

    /// Offline: one trap to each address.
    static func sendTestNotifications(to addresses: [SocketAddress], _ peer: Peer) async throws {
        for address in addresses {
            try await withSNMPNotifier(agent: ExampleFormat.address(address), version: .v2c(community: "public")) { notifier in
                try await notifier.sendTrap(.warmStart)
            }
        }
    }
}
