import NIOConcurrencyHelpers
import NIOCore
public import SNMPSMI

/// The User-based Security Model (RFC 3414) as pure code: no sockets, no clocks of its own.
///
/// The message processing model calls ``generateRequestMessage(headerData:securityEngineID:userName:securityLevel:scopedPDU:now:saltCounter:)``
/// and ``generateResponseMessage(headerData:scopedPDU:stateReference:localEngineTime:saltCounter:)`` on the way out and
/// ``processIncomingMessage(_:localEngineTime:now:)`` on the way in. `now` is a monotonic clock in seconds;
/// `localEngineTime` is this engine's snmpEngineBoots/snmpEngineTime, owned by the engine.
///
/// ```swift
/// let usm = UserSecurityModel(localEngineID: myEngineID, users: USMUserTable([user]))
/// let bytes = try usm.generateRequestMessage(headerData: header, securityEngineID: agentID,
///                                            userName: user.userName, securityLevel: .authPriv,
///                                            scopedPDU: scoped, now: uptimeSeconds)
/// let incoming = try usm.processIncomingMessage(reply, localEngineTime: clock, now: uptimeSeconds)
/// ```
///
/// Safe to share between event loops: the user table, counters, time cache and salt counter sit behind
/// one short lock that is never held across crypto.
public final class UserSecurityModel: Sendable {
    struct State {
        var users: USMUserTable
        var statistics = USMStatistics()
        var timeCache = USMEngineTimeCache()
        var saltCounter: UInt64
    }

    let state: NIOLockedValueBox<State>
    /// This engine's snmpEngineID.
    public let localEngineID: OctetString
    /// Localized keys and master keys.
    public let keyCache: USMKeyCache
    /// Whether messages whose authoritative engine is another engine are processed (command generators and
    /// notification receivers need this; a pure command responder can refuse them as unknown engine IDs).
    public let acceptsRemoteAuthoritativeEngines: Bool

    /// Creates the model.
    public init(localEngineID: OctetString, users: USMUserTable = USMUserTable(), keyCache: USMKeyCache = USMKeyCache(),
                acceptsRemoteAuthoritativeEngines: Bool = true) {
        self.localEngineID = localEngineID
        self.keyCache = keyCache
        self.acceptsRemoteAuthoritativeEngines = acceptsRemoteAuthoritativeEngines
        // RFC 3826 §3.1.2.1: the salt counter starts at an arbitrary (here random) value.
        var generator = SystemRandomNumberGenerator()
        self.state = NIOLockedValueBox(State(users: users, saltCounter: generator.next()))
    }

    /// A snapshot of the usmStats counters.
    public var statistics: USMStatistics { state.withLockedValue { $0.statistics } }

    /// Changes the user table.
    public func updateUsers(_ body: (inout USMUserTable) -> Void) {
        state.withLockedValue { body(&$0.users) }
    }

    /// The estimated boots/time of a remote authoritative engine, if known.
    public func engineTime(of engineID: OctetString, now: Int64) -> USMEngineTime? {
        state.withLockedValue { $0.timeCache.estimatedTime(of: engineID, now: now) }
    }

    /// Records a remote engine's boots/time learnt during discovery (see ``USMDiscovery``).
    public func learnEngineTime(engineID: OctetString, time: USMEngineTime, now: Int64) {
        state.withLockedValue { $0.timeCache.learn(engineID: engineID, time: time, now: now) }
    }

    /// Forgets a remote engine's clock.
    public func forgetEngine(_ engineID: OctetString) {
        state.withLockedValue { $0.timeCache.forget(engineID: engineID) }
    }

    func nextSaltCounter() -> UInt64 {
        state.withLockedValue { state in
            state.saltCounter &+= 1
            return state.saltCounter
        }
    }

    /// Increments the counter for `code` and builds the error with its Report information.
    func failure(_ code: USMError.Code, _ reason: String, reportAs reference: USMSecurityStateReference,
                 file: String = #fileID, line: Int = #line) -> USMError {
        let value = state.withLockedValue { $0.statistics.increment(code) } ?? 0
        let report = USMStatistics.counterOID(for: code).map {
            USMError.Report(counter: $0, value: value, stateReference: reference)
        }
        return USMError(code, reason, report: report, file: file, line: line)
    }
}
