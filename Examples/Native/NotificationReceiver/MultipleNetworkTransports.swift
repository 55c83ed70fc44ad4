// multiple-network-transports: a receiver on UDP over IPv4 and UDP over IPv6 at once (TCP is not among
// the receiver's transports yet): one engine, one socket per transport. TrapReceiver is the AsyncSequence
// face of the native NotificationReceiver.
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
        var configuration = TrapReceiver.Configuration(listen: peer.listen(or: ["udp:127.0.0.1:0", "udp6:[::1]:0"]))
        configuration.communities = ["public"]
        let receiver = try await TrapReceiver(configuration: configuration)
        try await peer.receive(on: receiver.localAddresses())
        for await received in receiver.prefix(peer.expectedNotifications) {
            print("received \(received.pdu.type) over \(received.source.protocol == .inet6 ? "UDP/IPv6" : "UDP/IPv4")")
        }
        await receiver.shutdown()
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
