public import SNMPApplications
import NIOCore

/// Sends notifications to one receiver: traps (fire and forget) and informs (awaited until acknowledged).
///
/// ```swift
/// import SNMP
///
/// let notifier = try await SNMPNotifier(host: "192.0.2.1", version: .v2c(community: "public"))
/// try await notifier.sendTrap(.coldStart)
/// try await notifier.sendTrap(.linkDown, varBinds: [VarBind("1.3.6.1.2.1.2.2.1.1.3", .integer(3))])
/// try await notifier.sendInform(.linkUp)            // returns when the receiver acknowledged it
/// await notifier.shutdown()
///
/// // The seed's default SNMPv1 trap: default enterprise and agent address.
/// let v1 = try await SNMPNotifier(host: "192.0.2.1", version: .v1(community: "public"))
/// try await v1.sendTrapV1()
/// ```
///
/// SNMPv3 traps are sent with this notifier's engine authoritative (RFC 3412 §7.1 step 9b): the receiver
/// needs the user localized to ``Configuration/engineID`` (snmptrapd: `createUser -e ENGINEID ...`).
/// SNMPv3 informs discover the receiver's engine first, unless the version names it (`engineID:`).
public final class SNMPNotifier: Sendable {
    /// Which SNMP version to speak, with its credentials (the same cases as the client's).
    public typealias Version = SNMPClient.Version

    /// Settings of a notifier, with their defaults.
    public struct Configuration: Sendable {
        /// How long to wait for each attempt of an inform (Net-SNMP's `-t`, default 1 s).
        public var timeout: Duration = .seconds(1)
        /// How many times to retransmit an unacknowledged inform (Net-SNMP's `-r`, default 5).
        public var retries: Int = 5
        /// This notifier's snmpEngineID, authoritative for its SNMPv3 traps (snmptrap's `-e`); `nil` picks a
        /// random one. Ignored when an engine is passed in.
        public var engineID: OctetString? = nil
        /// snmpEngineBoots of this notifier's engine.
        public var engineBoots: Int32 = 1
        /// The agent-addr of SNMPv1 traps that name none; `nil` uses the first non-loopback IPv4 address of
        /// this host, as Net-SNMP's snmptrap does, or 0.0.0.0 without one.
        public var agentAddress: IPv4Address? = nil
        /// The enterprise of SNMPv1 traps that name none: Net-SNMP's default, `.1.3.6.1.4.1.3.1.1`.
        public var enterprise: ObjectIdentifier = [1, 3, 6, 1, 4, 1, 3, 1, 1]

        /// The defaults.
        public init() {}

        /// Defaults with a timeout and retry count for informs.
        public init(timeout: Duration, retries: Int) {
            self.timeout = timeout
            self.retries = retries
        }
    }

    /// The engine the notifications leave from.
    public let engine: SNMPEngine
    /// The receiver and how to reach it.
    public let target: SNMPTarget
    /// The settings.
    public let configuration: Configuration
    private let ownsEngine: Bool
    private let started = ContinuousClock.now

    /// Creates a notifier for `host:port` (default 162, the snmptrap port).
    public convenience init(host: String, port: Int = 162, version: Version, configuration: Configuration = .init(),
                            engine: SNMPEngine? = nil) async throws(SNMPError) {
        let agent = agentAddressText(host: host, port: port)
        try await self.init(agent: agent, version: version, configuration: configuration, engine: engine)
    }

    /// Creates a notifier from Net-SNMP's address syntax: `[udp:|udp6:]host[:port]`, port 162 by default.
    public convenience init(agent: String, version: Version, configuration: Configuration = .init(),
                            engine: SNMPEngine? = nil) async throws(SNMPError) {
        let (security, user) = try version.targetSecurity()
        let target = try SNMPTarget(agent: agent, defaultPort: 162, security: security,
                                    timeout: configuration.timeout, retries: configuration.retries)
        try await self.init(target: target, user: user, configuration: configuration, engine: engine)
    }

    /// Creates a notifier for a target built with the native API; `user` is added to the engine's USM table.
    public init(target: SNMPTarget, user: USMUser? = nil, configuration: Configuration = .init(),
                engine: SNMPEngine? = nil) async throws(SNMPError) {
        self.target = target
        self.configuration = configuration
        if let engine {
            self.engine = engine
            self.ownsEngine = false
        } else {
            var engineConfiguration = SNMPEngine.Configuration()
            engineConfiguration.engineID = configuration.engineID
            engineConfiguration.engineBoots = configuration.engineBoots
            self.engine = try await SNMPEngine.start(configuration: engineConfiguration)
            self.ownsEngine = true
        }
        if let user { self.engine.addUser(user) }
    }

    /// Stops the notifier's own engine (a shared engine is left running).
    public func shutdown() async {
        if ownsEngine { await engine.shutdown() }
    }

    /// The notifier's sysUpTime: hundredths of a second since it was created, the default time-stamp.
    public var upTime: UInt32 {
        let elapsed = ContinuousClock.now - started
        let (seconds, attoseconds) = elapsed.components
        return UInt32(truncatingIfNeeded: seconds * 100 + attoseconds / 10_000_000_000_000_000)
    }

    /// Sends a trap: an SNMPv2-Trap (v2c, v3) or its SNMPv1 translation (RFC 3584 §3.2: a standard trap
    /// becomes its generic-trap, `snmpTrapEnterprise.0` among `varBinds` names the enterprise).
    public func sendTrap(_ trapOID: ObjectIdentifier, varBinds: [VarBind] = [], upTime: UInt32? = nil) async throws(SNMPError) {
        try await sendTrap(SNMPNotification(trapOID, upTime: upTime ?? self.upTime, varBinds: varBinds))
    }

    /// Sends a notification as a trap; returns once it is handed to the socket (nothing is acknowledged).
    public func sendTrap(_ notification: SNMPNotification) async throws(SNMPError) {
        try engine.notificationOriginator.sendTrap(notification, to: target, agentAddress: defaultAgentAddress)
        await written()
    }

    /// Sends an SNMPv1 Trap-PDU: as it is to a v1 receiver, translated (RFC 3584 §3.1) to v2c and v3 ones.
    public func sendTrap(_ trap: TrapV1PDU) async throws(SNMPError) {
        try engine.notificationOriginator.sendTrap(trap, to: target)
        await written()
    }

    /// Returns once the dispatcher's event loop has run the write queued before it: a trap is then in the
    /// socket, so a program that exits right after `sendTrap` does not lose it.
    private func written() async {
        try? await engine.dispatcher.eventLoop.submit {}.get()
    }

    /// Sends an SNMPv1-style trap with Net-SNMP's defaults for what is left out: the enterprise of
    /// ``Configuration/enterprise``, this host's address as agent-addr and the notifier's uptime.
    public func sendTrapV1(_ generic: TrapV1PDU.GenericTrap = .coldStart, specific: Int32 = 0,
                           enterprise: ObjectIdentifier? = nil, agentAddress: IPv4Address? = nil,
                           upTime: UInt32? = nil, varBinds: [VarBind] = []) async throws(SNMPError) {
        let trap = TrapV1PDU(enterprise: enterprise ?? configuration.enterprise,
                             agentAddress: agentAddress ?? defaultAgentAddress, genericTrap: generic,
                             specificTrap: specific, timeStamp: upTime ?? self.upTime, varBinds: varBinds)
        try await sendTrap(trap)
    }

    /// Sends an InformRequest and returns the acknowledged varbinds once the receiver answers; throws
    /// `SNMPError.Code.timeout` after ``Configuration/retries`` retransmissions without an answer, and
    /// `SNMPError.Code.unsupportedPDU` on SNMPv1, which has no informs.
    @discardableResult
    public func sendInform(_ trapOID: ObjectIdentifier, varBinds: [VarBind] = [],
                           upTime: UInt32? = nil) async throws(SNMPError) -> [VarBind] {
        try await sendInform(SNMPNotification(trapOID, upTime: upTime ?? self.upTime, varBinds: varBinds))
    }

    /// Sends a notification as an inform and waits for its acknowledgement.
    @discardableResult
    public func sendInform(_ notification: SNMPNotification) async throws(SNMPError) -> [VarBind] {
        try await engine.notificationOriginator.sendInform(notification, to: target).varBinds
    }

    private var defaultAgentAddress: IPv4Address {
        configuration.agentAddress ?? HostAddress.primaryIPv4 ?? IPv4Address(0, 0, 0, 0)
    }
}

/// Runs `body` with a notifier and shuts it down afterwards, also when `body` throws.
///
/// ```swift
/// try await withSNMPNotifier(host: "192.0.2.1", version: .v2c(community: "public")) { notifier in
///     try await notifier.sendInform(.warmStart)
/// }
/// ```
public func withSNMPNotifier<Result: Sendable>(
    host: String, port: Int = 162, version: SNMPNotifier.Version, configuration: SNMPNotifier.Configuration = .init(),
    _ body: (SNMPNotifier) async throws -> Result
) async throws -> Result {
    let agent = agentAddressText(host: host, port: port)
    return try await withSNMPNotifier(agent: agent, version: version, configuration: configuration, body)
}

/// Runs `body` with a notifier for a receiver in Net-SNMP's syntax (`udp:HOST:PORT`, port 162 by default)
/// and shuts it down afterwards, also when `body` throws.
public func withSNMPNotifier<Result: Sendable>(
    agent: String, version: SNMPNotifier.Version, configuration: SNMPNotifier.Configuration = .init(),
    engine: SNMPEngine? = nil, _ body: (SNMPNotifier) async throws -> Result
) async throws -> Result {
    let notifier = try await SNMPNotifier(agent: agent, version: version, configuration: configuration, engine: engine)
    return try await withShutdown(notifier, shutdown: { await $0.shutdown() }, body)
}

/// This host's addresses, read from its interfaces (no name lookup, so nothing leaves the machine).
enum HostAddress {
    /// The first IPv4 address that is not loopback: what Net-SNMP's snmptrap puts in agent-addr.
    static var primaryIPv4: IPv4Address? {
        guard let devices = try? System.enumerateDevices() else { return nil }
        for device in devices {
            guard case .v4(let address)? = device.address else { continue }
            let raw = UInt32(bigEndian: address.address.sin_addr.s_addr)
            if raw >> 24 == 127 || raw == 0 { continue }
            return IPv4Address(rawValue: raw)
        }
        return nil
    }
}
