// observe-request-processing-over-ipv4-and-ipv6 (native API): the same details, with the receiver on
// both address families.
//
// Net-SNMP: snmptrapd -d udp:162,udp6:162
import NIOCore
import SNMP

enum ObserveRequestProcessingOverIPv4AndIPv6: ReceiverExample {
    static let name = "observe-request-processing-over-ipv4-and-ipv6"
    static let group = ExampleGroup.ntfrcv
    static let summary = "processing details of notifications over IPv4 and IPv6"
    static let notificationCount = 2

    static func run(_ peer: Peer) async throws {
        let addresses = try peer.listen(or: ["udp:127.0.0.1:0", "udp6:[::1]:0"]).map { try ListenAddress.parse($0) }
        let engine = try await SNMPEngine.start(listeningOn: addresses)
        let (notifications, arrived) = AsyncStream.makeStream(of: ReceivedNotification.self)
        let receiver = NotificationReceiver(dispatcher: engine.dispatcher, communities: ["public"]) { arrived.yield($0) }
        receiver.start()
        try await peer.receive(on: engine.dispatcher.localAddresses().get())
        for await received in notifications.prefix(peer.expectedNotifications) {
            print("received \(received.pdu.type) \(ExampleFormat.address(received.source)) -> "
                  + "\(received.localAddress.map(ExampleFormat.address) ?? "?"), \(received.version), "
                  + "\(received.securityModel) \(received.securityName) \(received.securityLevel)")
        }
        receiver.stop()
        await engine.shutdown()
    }

    /// Offline: one trap over each address family.
    static func sendTestNotifications(to addresses: [SocketAddress], _ peer: Peer) async throws {
        for address in addresses {
            try await withSNMPNotifier(agent: ExampleFormat.address(address), version: .v2c(community: "public")) { notifier in
                try await notifier.sendTrap(.coldStart)
            }
        }
    }
}
