// multiple-usm-users (native API): SNMPv3 traps come with the sender's engine authoritative, so the
// receiver holds each user localized to each sender's engine ID (RFC 3414 §2.6); informs use the
// receiver's own engine ID.
//
// Net-SNMP: snmptrapd.conf
//   createUser -e 0x80001f8880aabbccdd00000003 usr-md5-des MD5 authkey1234 DES privkey1234
//   createUser -e 0x80001f8880aabbccdd00000004 usr-sha-aes128 SHA authkey1234 AES privkey1234
//   authUser log usr-md5-des
//   authUser log usr-sha-aes128
import NIOCore
import SNMP

enum NativeMultipleUSMUsers: ReceiverExample {
    static let name = "multiple-usm-users"
    static let group = ExampleGroup.ntfrcv
    static let summary = "receive SNMPv3 notifications from several users and sender engines"
    static let notificationCount = 2

    static func run(_ peer: Peer) async throws {
        let addresses = try peer.listen(or: ["udp:127.0.0.1:0"]).map { try ListenAddress.parse($0) }
        var configuration = SNMPEngine.Configuration()
        configuration.engineUsers = [
            (try OctetString(hexBytes("80001f8880aabbccdd00000003")),
             USMUser(userName: "usr-md5-des", auth: .hmacMD5, authSecret: .passphrase(peer.authKey),
                     priv: .des, privSecret: .passphrase(peer.privKey))),
            (try OctetString(hexBytes("80001f8880aabbccdd00000004")),
             USMUser(userName: "usr-sha-aes128", auth: .hmacSHA, authSecret: .passphrase(peer.authKey),
                     priv: .aes128, privSecret: .passphrase(peer.privKey))),
        ]
        let engine = try await SNMPEngine.start(listeningOn: addresses, configuration: configuration)
        let (notifications, arrived) = AsyncStream.makeStream(of: ReceivedNotification.self)
        let receiver = NotificationReceiver(dispatcher: engine.dispatcher, communities: []) { arrived.yield($0) }
        receiver.start()
        try await peer.receive(on: engine.dispatcher.localAddresses().get())
        for await received in notifications.prefix(peer.expectedNotifications) {
            print("received \(received.pdu.type) from user \(received.securityName) (\(received.securityLevel)), "
                  + "engine \(received.contextEngineID)")
        }
        receiver.stop()
        await engine.shutdown()
    }

    /// Offline: one trap from each user, each from its own engine.
    static func sendTestNotifications(to addresses: [SocketAddress], _ peer: Peer) async throws {
        let senders: [(String, SNMPClient.Version)] = [
            ("80001f8880aabbccdd00000003", .v3(user: "usr-md5-des", auth: .md5(peer.authKey), priv: .des(peer.privKey))),
            ("80001f8880aabbccdd00000004", .v3(user: "usr-sha-aes128", auth: .sha(peer.authKey), priv: .aes128(peer.privKey))),
        ]
        for (engineID, version) in senders {
            var configuration = SNMPNotifier.Configuration()
            configuration.engineID = try OctetString(hexBytes(engineID))
            try await withSNMPNotifier(agent: ExampleFormat.first(addresses), version: version, configuration: configuration) { notifier in
                try await notifier.sendTrap(.coldStart)
            }
        }
    }
}
