// multiple-network-transports-incl-ipv4-and-ipv6 (native API): one receiver on UDP/IPv4 and UDP/IPv6
// taking every version: v1 and v2c with a community, v3 informs with a user localized to its own engine.
//
// Net-SNMP: snmptrapd udp:162,udp6:162 with `authCommunity log public` and `createUser usr-sha-aes128 ...`
import NIOCore
import SNMP

enum MultipleNetworkTransportsInclIPv4AndIPv6: ReceiverExample {
    static let name = "multiple-network-transports-incl-ipv4-and-ipv6"
    static let group = ExampleGroup.ntfrcv
    static let summary = "SNMPv1, v2c and v3 notifications over IPv4 and IPv6 at once"
    static let notificationCount = 3

    static func run(_ peer: Peer) async throws {
        let addresses = try peer.listen(or: ["udp:127.0.0.1:0", "udp6:[::1]:0"]).map { try ListenAddress.parse($0) }
        var configuration = SNMPEngine.Configuration()
        configuration.users = [USMUser(userName: "usr-sha-aes128", auth: .hmacSHA, authSecret: .passphrase(peer.authKey),
                                       priv: .aes128, privSecret: .passphrase(peer.privKey))]
        let engine = try await SNMPEngine.start(listeningOn: addresses, configuration: configuration)
        let (notifications, arrived) = AsyncStream.makeStream(of: ReceivedNotification.self)
        let receiver = NotificationReceiver(dispatcher: engine.dispatcher, communities: ["public"]) { arrived.yield($0) }
        receiver.start()
        try await peer.receive(on: engine.dispatcher.localAddresses().get())
        for await received in notifications.prefix(peer.expectedNotifications) {
            print("received \(received.pdu.type), \(received.version), over \(received.source.protocol == .inet6 ? "IPv6" : "IPv4")")
        }
        receiver.stop()
        await engine.shutdown()
    }

    /// Offline: an SNMPv1 trap over IPv4, an SNMPv2c trap over IPv6 and an SNMPv3 inform over IPv6.
    static func sendTestNotifications(to addresses: [SocketAddress], _ peer: Peer) async throws {
        let ipv4 = try ExampleFormat.first(addresses)
        let ipv6 = try ExampleFormat.first(addresses, ipv6: true)
        try await withSNMPNotifier(agent: ipv4, version: .v1(community: "public")) { try await $0.sendTrapV1() }
        try await withSNMPNotifier(agent: ipv6, version: .v2c(community: "public")) { try await $0.sendTrap(.linkUp) }
        let v3 = SNMPNotifier.Version.v3(user: "usr-sha-aes128", auth: .sha(peer.authKey), priv: .aes128(peer.privKey))
        try await withSNMPNotifier(agent: ipv6, version: v3) { _ = try await $0.sendInform(.linkDown) }
    }
}
