public import SNMPApplications
public import SNMPMIB
import SNMPDispatcher

/// A manager's view of one agent: GET, GETNEXT, GETBULK, SET and walks, with async/await.
///
/// ```swift
/// import SNMP
///
/// let client = try await SNMPClient(host: "127.0.0.1", port: 161, version: .v2c(community: "public"))
/// let descr = try await client.get("1.3.6.1.2.1.1.1.0")
/// print(descr.value)
/// for try await varBind in client.bulkWalk("1.3.6.1.2.1.2") {
///     print(varBind)
/// }
/// await client.shutdown()
/// ```
///
/// One client runs any number of requests at once; each is matched to its response by request-id.
public final class SNMPClient: Sendable {
    /// Which SNMP version to speak, with its credentials.
    public enum Version: Sendable, Hashable {
        /// SNMPv1 with a community.
        case v1(community: String)
        /// SNMPv2c with a community.
        case v2c(community: String)
        /// SNMPv3 with the User-based Security Model.
        ///
        /// - Parameters:
        ///   - securityLevel: defaults to the highest the protocols allow (authPriv with both, ...).
        ///   - engineID: the agent's snmpEngineID when known: no discovery round trip.
        ///   - securityName: the local name of the user when it differs from the user name on the wire.
        case v3(user: String, auth: Auth = .none, priv: Priv = .none, securityLevel: SecurityLevel? = nil,
                contextName: String = "", contextEngineID: OctetString? = nil, engineID: OctetString? = nil,
                securityName: String? = nil)
    }

    /// Settings of a client, with their defaults.
    public struct Configuration: Sendable {
        /// How long to wait for each attempt (Net-SNMP's `-t`, default 1 s).
        public var timeout: Duration = .seconds(1)
        /// How many times to retransmit (Net-SNMP's `-r`, default 5).
        public var retries: Int = 5
        /// GETBULK max-repetitions for ``SNMPClient/bulkWalk(_:maxRepetitions:)-(ObjectIdentifier,_)`` (Net-SNMP's default 10).
        public var maxRepetitions: Int = 10
        /// Whether walks stop with `SNMPError.Code.notIncreasing` when the agent goes backwards; when off,
        /// they go on (Net-SNMP's `-Cc`) until a loop guard sees an OID come back.
        public var checkIncreasing: Bool = true
        /// How attempts are spaced: by default adaptive per-target timeouts (an RTT estimate, as TCP's)
        /// with exponential back-off, never more attempts than `retries + 1` nor longer in total than
        /// `timeout × (retries + 1)`; ``RetransmissionPolicy/netSNMP`` waits `timeout` for every attempt.
        public var retransmission: RetransmissionPolicy = .adaptive
        /// The most requests this client has outstanding to its agent at once (`nil`: no limit); small
        /// agents crash or drop requests when flooded.
        public var maximumInFlight: Int? = nil
        /// Whether a ``Priv/aes192Auto(_:)`` / ``Priv/aes256Auto(_:)`` user tries the other key extension
        /// once when the agent cannot decrypt (remembered per engine ID). Off: the Blumenthal extension only.
        public var detectsKeyExtension: Bool = true
        /// The MIB modules names are resolved with and values are described by; `nil` uses
        /// ``SNMPClient/defaultMIBStore`` (Net-SNMP's search path and module list).
        public var mibStore: MIBStore? = nil

        /// The defaults.
        public init() {}

        /// Defaults with a timeout and retry count.
        public init(timeout: Duration, retries: Int) {
            self.timeout = timeout
            self.retries = retries
        }
    }

    /// The engine the requests go through.
    public let engine: SNMPEngine
    /// The agent and how to reach it.
    public let target: SNMPTarget
    /// The settings.
    public let configuration: Configuration
    private let ownsEngine: Bool

    /// Creates a client for `host:port`.
    ///
    /// - Parameters:
    ///   - host: a host name or literal IPv4/IPv6 address.
    ///   - port: the agent's UDP port.
    ///   - version: the SNMP version and its credentials; an SNMPv3 user is added to the engine's USM table.
    ///   - configuration: timeout, retries, walk settings and the MIB store for names.
    ///   - engine: an engine to share with other clients; by default the client starts its own and
    ///     ``shutdown()`` stops it.
    public convenience init(host: String, port: Int = 161, version: Version,
                            configuration: Configuration = .init(), engine: SNMPEngine? = nil) async throws(SNMPError) {
        let agent = host.contains(":") ? "udp6:[\(host)]:\(port)" : "udp:\(host):\(port)"
        try await self.init(agent: agent, version: version, configuration: configuration, engine: engine)
    }

    /// Creates a client from Net-SNMP's agent syntax: `[udp:|udp6:]host[:port]`, e.g. `"udp6:[::1]:1161"`.
    public init(agent: String, version: Version, configuration: Configuration = .init(),
                engine: SNMPEngine? = nil) async throws(SNMPError) {
        let (security, user) = try version.targetSecurity()
        var target = try SNMPTarget(agent: agent, security: security,
                                    timeout: configuration.timeout, retries: configuration.retries)
        target.retransmission = configuration.retransmission
        target.maximumInFlight = configuration.maximumInFlight
        if case .v3(_, _, let priv, _, _, _, _, _) = version {
            target.detectsKeyExtension = priv.detectsKeyExtension && configuration.detectsKeyExtension
        }
        self.target = target
        self.configuration = configuration
        if let engine {
            self.engine = engine
            self.ownsEngine = false
        } else {
            self.engine = try await SNMPEngine.start()
            self.ownsEngine = true
        }
        // RFC 3414 §2.1: USM users are keyed by (engine ID, user name). A client's user belongs to its
        // agent's engine only, so clients sharing an engine never replace each other's keys.
        if let user {
            if case .usm(let parameters) = target.security, let engineID = parameters.authoritativeEngineID {
                self.engine.addUser(user, engineID: engineID)
            } else {
                self.engine.addUser(user, at: target.address)
            }
            // Notifications this engine originates are sent with it authoritative (RFC 3412 §7.1 step 9b):
            // the first client's user of a name also serves under the engine's own ID.
            let localEngineID = self.engine.engineID
            self.engine.usm.updateUsers { table in
                if table.user(named: user.userName, engineID: localEngineID, exactEngine: true) == nil {
                    table.add(user, engineID: localEngineID)
                }
            }
        }
    }

    /// Stops the client's own engine (a shared engine is left running).
    public func shutdown() async {
        if ownsEngine { await engine.shutdown() }
    }

    /// Sends a request PDU and returns the response, throwing on a non-zero error-status.
    public func send(_ pdu: PDU) async throws(SNMPError) -> PDU {
        let response = try await engine.commandGenerator.send(pdu, to: target)
        guard response.errorStatus == .noError else { throw SNMPError.errorStatus(in: response) }
        return response
    }

    /// GET of several objects in one request.
    public func get(_ oids: [ObjectIdentifier]) async throws(SNMPError) -> [VarBind] {
        try await send(PDU(type: .getRequest, requestID: 0, varBinds: oids.map { VarBind($0) })).varBinds
    }

    /// GET of one object. In SNMPv2c a missing object comes back as `.noSuchObject` / `.noSuchInstance`;
    /// in SNMPv1 it throws with error-status `noSuchName`.
    public func get(_ oid: ObjectIdentifier) async throws(SNMPError) -> VarBind {
        try await single(get([oid]))
    }

    /// GETNEXT of several objects in one request.
    public func getNext(_ oids: [ObjectIdentifier]) async throws(SNMPError) -> [VarBind] {
        try await send(PDU(type: .getNextRequest, requestID: 0, varBinds: oids.map { VarBind($0) })).varBinds
    }

    /// GETNEXT of one object: the first object after `oid`.
    public func getNext(_ oid: ObjectIdentifier) async throws(SNMPError) -> VarBind {
        try await single(getNext([oid]))
    }

    /// GETBULK (SNMPv2c and v3): the first `nonRepeaters` OIDs get one successor each, the rest up to
    /// `maxRepetitions` successors each, interleaved as RFC 3416 §4.2.3 lays them out.
    public func getBulk(_ oids: [ObjectIdentifier], nonRepeaters: Int = 0,
                        maxRepetitions: Int = 10) async throws(SNMPError) -> [VarBind] {
        guard let n = Int32(exactly: nonRepeaters), let m = Int32(exactly: maxRepetitions), n >= 0, m >= 0 else {
            throw SNMPError(.invalidArgument, "non-repeaters and max-repetitions must be 0...\(Int32.max)")
        }
        return try await send(.getBulk(requestID: 0, nonRepeaters: n, maxRepetitions: m, oids: oids)).varBinds
    }

    /// SET of several objects at once (all or nothing, RFC 3416 §4.2.5); returns the agent's varbinds.
    @discardableResult
    public func set(_ varBinds: [VarBind]) async throws(SNMPError) -> [VarBind] {
        try await send(PDU(type: .setRequest, requestID: 0, varBinds: varBinds)).varBinds
    }

    /// SET of one object.
    @discardableResult
    public func set(_ oid: ObjectIdentifier, to value: SNMPValue) async throws(SNMPError) -> VarBind {
        try await single(set([VarBind(oid, value)]))
    }

    /// Walks the subtree under `root` with GETNEXT, one request per object.
    public func walk(_ root: ObjectIdentifier) -> SNMPWalk {
        SNMPWalk(client: self, root: root, maxRepetitions: nil, checkIncreasing: configuration.checkIncreasing)
    }

    /// Walks the subtree under `root` with GETBULK, `maxRepetitions` objects per request (SNMPv2c and v3).
    public func bulkWalk(_ root: ObjectIdentifier, maxRepetitions: Int? = nil) -> SNMPWalk {
        SNMPWalk(client: self, root: root, maxRepetitions: maxRepetitions ?? configuration.maxRepetitions,
                 checkIncreasing: configuration.checkIncreasing)
    }

    private func single(_ varBinds: [VarBind]) throws(SNMPError) -> VarBind {
        guard varBinds.count == 1, let first = varBinds.first else {
            throw SNMPError(.unexpectedResponse, "\(varBinds.count) varbinds for one requested")
        }
        return first
    }
}

/// Runs `body` with a client and shuts it down afterwards, also when `body` throws.
///
/// ```swift
/// let name = try await withSNMPClient(host: "192.0.2.1", version: .v2c(community: "public")) { client in
///     try await client.get("1.3.6.1.2.1.1.5.0").value
/// }
/// ```
public func withSNMPClient<Result: Sendable>(
    host: String, port: Int = 161, version: SNMPClient.Version, configuration: SNMPClient.Configuration = .init(),
    _ body: (SNMPClient) async throws -> Result
) async throws -> Result {
    let client = try await SNMPClient(host: host, port: port, version: version, configuration: configuration)
    do {
        let result = try await body(client)
        await client.shutdown()
        return result
    } catch {
        await client.shutdown()
        throw error
    }
}
