// multiple-network-transports (native API): the receiver's transports are UDP over IPv4 and UDP over
// IPv6 (TCP is not among the receiver's transports yet). One engine, one socket per transport.
//
// Net-SNMP: snmptrapd udp:162,udp6:162
import NIOCore
import SNMP

enum MultipleNetworkTransports: ReceiverExample {
    static let name = "multiple-network-transports"
    static let group = ExampleGroup.ntfrcv
    static let summary = "one receiver on UDP over IPv4 and over IPv6"
    static let notificationCount = 2

    static func run(_ peer: Peer) async throws {
        let addresses = try peer.listen(or: ["udp:127.0.0.1:0", "udp6:[::1]:0"]).map { try ListenAddress.parse($0) }
        let engine = try await SNMPEngine.start(listeningOn: addresses)
        let (notifications, arrived) = AsyncStream.makeStream(of: ReceivedNotification.self)
        let receiver = NotificationReceiver(dispatcher: engine.dispatcher, communities: ["public"]) { arrived.yield($0) }
        receiver.start()
        try await peer.receive(on: engine.dispatcher.localAddresses().get())
        for await received in notifications.prefix(peer.expectedNotifications) {
            print("received \(received.pdu.type) over \(received.source.protocol == .inet6 ? "UDP/IPv6" : "UDP/IPv4")")
        }
        receiver.stop()
        await engine.shutdown()
    }

    /// Offline: one trap over each transport.
    static func sendTestNotifications(to addresses: [SocketAddress], _ peer: Peer) async throws {
        for address in addresses {
            try await withSNMPNotifier(agent: ExampleFormat.address(address), version: .v2c(community: "public")) { notifier in
                try await notifier.sendTrap(.coldStart)
            }
        }
    }
}
