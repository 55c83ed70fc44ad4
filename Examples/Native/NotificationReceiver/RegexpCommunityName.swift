// regexp-community-name (native API): the receiver decides per community with a predicate, here a
// regular expression: `public` or `site-` followed by digits; other communities are dropped (and counted
// in snmpInBadCommunityNames).
//
// Net-SNMP: no pattern matching; one `authCommunity log COMMUNITY` line per accepted community.
import NIOCore
import SNMP

enum RegexpCommunityName: ReceiverExample {
    static let name = "regexp-community-name"
    static let group = ExampleGroup.ntfrcv
    static let summary = "accept any community matching a pattern"
    static let notificationCount = 2

    static func run(_ peer: Peer) async throws {
        let addresses = try peer.listen(or: ["udp:127.0.0.1:0"]).map { try ListenAddress.parse($0) }
        let engine = try await SNMPEngine.start(listeningOn: addresses)
        let (notifications, arrived) = AsyncStream.makeStream(of: ReceivedNotification.self)
        let receiver = NotificationReceiver(dispatcher: engine.dispatcher, acceptCommunity: { community in
            community.utf8String?.wholeMatch(of: /public|site-[0-9]+/) != nil
        }) { arrived.yield($0) }
        receiver.start()
        try await peer.receive(on: engine.dispatcher.localAddresses().get())
        for await received in notifications.prefix(peer.expectedNotifications) {
            print("received \(received.pdu.type) with community \(received.securityName)")
        }
        receiver.stop()
        await engine.shutdown()
    }

    /// Offline: traps with communities site-12 (accepted), intruder (dropped) and public (accepted).
    static func sendTestNotifications(to addresses: [SocketAddress], _ peer: Peer) async throws {
        for community in ["site-12", "intruder", "public"] {
            try await withSNMPNotifier(agent: ExampleFormat.first(addresses), version: .v2c(community: community)) { notifier in
                try await notifier.sendTrap(.coldStart)
            }
        }
    }
}
