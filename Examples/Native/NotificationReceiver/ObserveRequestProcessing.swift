// observe-request-processing (native API): what the message processing and security subsystems decided
// for each notification: version, security model, name and level, context engine ID and name, transport
// addresses, PDU type and request-id.
//
// Net-SNMP: snmptrapd -d (packet dumps) or -Dusm,mpv3 (debug tokens)
import NIOCore
import SNMP

enum ObserveRequestProcessing: ReceiverExample {
    static let name = "observe-request-processing"
    static let group = ExampleGroup.ntfrcv
    static let summary = "every processing detail of each notification"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        let addresses = try peer.listen(or: ["udp:127.0.0.1:0"]).map { try ListenAddress.parse($0) }
        var configuration = SNMPEngine.Configuration()
        configuration.users = [USMUser(userName: "usr-sha-aes128", auth: .hmacSHA, authSecret: .passphrase(peer.authKey),
                                       priv: .aes128, privSecret: .passphrase(peer.privKey))]
        let engine = try await SNMPEngine.start(listeningOn: addresses, configuration: configuration)
        let (notifications, arrived) = AsyncStream.makeStream(of: ReceivedNotification.self)
        let receiver = NotificationReceiver(dispatcher: engine.dispatcher, communities: ["public"]) { arrived.yield($0) }
        receiver.start()
        try await peer.receive(on: engine.dispatcher.localAddresses().get())
        for await received in notifications.prefix(peer.expectedNotifications) {
            if case .pdu(let pdu) = received.pdu {
                print("received \(pdu.type) request-id \(pdu.requestID)")
            }
            print("  transport \(ExampleFormat.address(received.source)) -> \(received.localAddress.map(ExampleFormat.address) ?? "?")")
            print("  version \(received.version), security model \(received.securityModel), "
                  + "security name \(received.securityName), level \(received.securityLevel)")
            print("  context engine ID \(received.contextEngineID), context name \"\(received.contextName)\"")
        }
        receiver.stop()
        await engine.shutdown()
    }

    /// Offline: an SNMPv3 authPriv inform in context "lab".
    static func sendTestNotifications(to addresses: [SocketAddress], _ peer: Peer) async throws {
        let version = SNMPNotifier.Version.v3(user: "usr-sha-aes128", auth: .sha(peer.authKey), priv: .aes128(peer.privKey),
                                              contextName: "lab")
        try await withSNMPNotifier(agent: ExampleFormat.first(addresses), version: version) { notifier in
            _ = try await notifier.sendInform(.coldStart)
        }
    }
}
