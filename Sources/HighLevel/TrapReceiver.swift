public import NIOCore
public import SNMPApplications
import SNMPDispatcher

/// Receives notifications — SNMPv1 traps, SNMPv2c/v3 traps and informs — as an `AsyncSequence`.
///
/// ```swift
/// import SNMP
///
/// var configuration = TrapReceiver.Configuration(listen: ["udp:0.0.0.0:162", "udp6:[::]:162"])
/// configuration.communities = ["public"]
/// configuration.users = [.init("ops", auth: .sha256("authpassphrase"), priv: .aes128("privpassphrase"),
///                              engineID: senderEngineID)]           // v3 traps from that sender
/// let receiver = try await TrapReceiver(configuration: configuration)
/// for await received in receiver {
///     print(received.source, received.securityName, received.notification?.trapOID as Any)
/// }
/// ```
///
/// Informs are acknowledged as they arrive, before they are buffered, and a retransmitted inform is
/// delivered once. **A slow consumer**: up to ``Configuration/bufferSize`` notifications wait; beyond that
/// the oldest waiting one is discarded for each new arrival and counted (``droppedCount()``), so memory stays
/// bounded and the newest events survive. Only one task should iterate.
public final class TrapReceiver: AsyncSequence, Sendable {
    /// A received notification.
    public typealias Element = ReceivedNotification

    /// An SNMPv3 user notifications are accepted from.
    public struct User: Sendable {
        /// The user with its protocols and secrets.
        public var user: USMUser
        /// The sender's snmpEngineID for its traps (snmptrapd's `createUser -e`); `nil` makes the user valid
        /// with this receiver's engine ID, i.e. for informs, and with any sender whose engine ID is not
        /// configured otherwise.
        public var engineID: OctetString?

        /// Creates a user from the client's auth and priv settings.
        public init(_ name: String, auth: SNMPClient.Auth = .none, priv: SNMPClient.Priv = .none,
                    engineID: OctetString? = nil) {
            self.user = USMUser(userName: OctetString(name), auth: auth.authProtocol, authSecret: auth.secret,
                                priv: priv.privProtocol, privSecret: priv.secret)
            self.engineID = engineID
        }

        /// Creates a user from a native USM user.
        public init(_ user: USMUser, engineID: OctetString? = nil) {
            self.user = user
            self.engineID = engineID
        }
    }

    /// Settings of a receiver, with their defaults.
    public struct Configuration: Sendable {
        /// Where to listen, in Net-SNMP's syntax: `udp:0.0.0.0:162`, `udp6:[::1]:16162`, `16162` (all IPv4
        /// interfaces). Default: UDP port 162 on all IPv4 interfaces, like snmptrapd.
        public var listen: [String] = ["udp:0.0.0.0:162"]
        /// Accepted v1/v2c communities; `nil` accepts any (snmptrapd's `disableAuthorization yes`).
        public var communities: Set<String>? = ["public"]
        /// Accepted SNMPv3 users.
        public var users: [User] = []
        /// This receiver's snmpEngineID, which inform senders discover; `nil` picks a random one.
        public var engineID: OctetString? = nil
        /// snmpEngineBoots of the receiver's engine.
        public var engineBoots: Int32 = 1
        /// How many notifications wait for a slow consumer before the oldest are discarded.
        public var bufferSize: Int = 1_000
        /// How long a delivered inform is remembered so its retransmissions are not delivered again.
        public var duplicateWindow: Duration = .seconds(150)

        /// Defaults listening on `listen`.
        public init(listen: [String] = ["udp:0.0.0.0:162"]) {
            self.listen = listen
        }
    }

    /// The engine that owns the sockets and the USM users.
    public let engine: SNMPEngine
    /// The settings.
    public let configuration: Configuration
    private let receiver: NotificationReceiver
    private let stream: AsyncStream<ReceivedNotification>
    private let continuation: AsyncStream<ReceivedNotification>.Continuation
    private let dropped: NIOLoopBoundBox<Int>

    /// Starts listening.
    public init(configuration: Configuration) async throws(SNMPError) {
        let addresses = try configuration.listen.map { text throws(SNMPError) in try ListenAddress.parse(text) }
        var engineConfiguration = SNMPEngine.Configuration()
        engineConfiguration.engineID = configuration.engineID
        engineConfiguration.engineBoots = configuration.engineBoots
        engineConfiguration.users = configuration.users.filter { $0.engineID == nil }.map(\.user)
        engineConfiguration.engineUsers = configuration.users.compactMap { user in user.engineID.map { ($0, user.user) } }
        let engine = try await SNMPEngine.start(listeningOn: addresses, configuration: engineConfiguration)
        self.engine = engine
        self.configuration = configuration
        let (stream, continuation) = AsyncStream.makeStream(of: ReceivedNotification.self,
                                                            bufferingPolicy: .bufferingNewest(Swift.max(1, configuration.bufferSize)))
        self.stream = stream
        self.continuation = continuation
        let dropped = NIOLoopBoundBox.makeBoxSendingValue(0, eventLoop: engine.dispatcher.eventLoop)
        self.dropped = dropped
        self.receiver = NotificationReceiver(dispatcher: engine.dispatcher, communities: configuration.communities,
                                             duplicateWindow: configuration.duplicateWindow.timeAmount) { received in
            // Runs on the dispatcher's event loop, which owns `dropped`.
            if case .dropped = continuation.yield(received) { dropped.value += 1 }
        }
        receiver.start()
    }

    /// The addresses actually bound (ports chosen by the system for port 0 show here).
    public func localAddresses() async throws -> [SocketAddress] {
        try await engine.dispatcher.localAddresses().get()
    }

    /// How many notifications were discarded because the consumer fell behind.
    public func droppedCount() async throws -> Int {
        try await engine.dispatcher.eventLoop.submit { self.dropped.value }.get()
    }

    /// Stops listening and ends the sequence once the waiting notifications are consumed.
    public func shutdown() async {
        receiver.stop()
        await engine.shutdown()
        continuation.finish()
    }

    /// The sequence's iterator.
    public func makeAsyncIterator() -> AsyncStream<ReceivedNotification>.Iterator {
        stream.makeAsyncIterator()
    }
}

/// Net-SNMP's listening address syntax (`snmptrapd [LISTENING ADDRESSES]`).
public enum ListenAddress {
    /// Parses `udp:HOST:PORT`, `udp6:[HOST]:PORT`, `HOST:PORT`, `udp:PORT` or `PORT` (all interfaces of
    /// the family); the port defaults to 162.
    public static func parse(_ text: String, defaultPort: Int = 162) throws(SNMPError) -> SocketAddress {
        var rest = Substring(text)
        var ipv6 = false
        for (prefix, isIPv6) in [("udp6:", true), ("udpv6:", true), ("udpipv6:", true), ("udp:", false)]
            where rest.lowercased().hasPrefix(prefix) {
            ipv6 = isIPv6
            rest = rest.dropFirst(prefix.count)
            break
        }
        if rest.lowercased().hasPrefix("tcp") {
            throw SNMPError(.badAddress, "only UDP listening addresses are supported: \(text)")
        }
        if let port = Int(rest), (0...65535).contains(port) {
            return try address(ipv6 ? "::" : "0.0.0.0", port, text)
        }
        do {
            let parsed = try AgentAddress(parsing: ipv6 ? "udp6:" + rest : "udp:" + rest, defaultPort: defaultPort)
            return try address(parsed.host, parsed.port, text)
        } catch {
            throw SNMPError(.badAddress, "bad listening address \(text)")
        }
    }

    private static func address(_ host: String, _ port: Int, _ text: String) throws(SNMPError) -> SocketAddress {
        do {
            return try SocketAddress(ipAddress: host, port: port)
        } catch {
            throw SNMPError(.badAddress, "bad listening address \(text) (a numeric address is needed)")
        }
    }
}
