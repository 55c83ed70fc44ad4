/// How a command generator spaces the attempts of one request to one target.
///
/// ```swift
/// var configuration = SNMPClient.Configuration()
/// configuration.retransmission = .adaptive            // the client's default
/// configuration.retransmission = .netSNMP             // every attempt waits the configured timeout
/// ```
public struct RetransmissionPolicy: Sendable, Hashable {
    /// Whether the first attempt waits for the target's estimated retransmission timeout (RFC 6298, from
    /// the round trips of earlier requests) instead of the configured timeout.
    public var adaptive: Bool
    /// Each retransmission waits this many times longer than the attempt before (1: constant).
    public var backoff: Double
    /// The shortest wait an adaptive estimate may give (a fast target that is briefly slow must not be
    /// flooded); never above the configured timeout.
    public var minimumTimeout: Duration

    /// Creates a policy.
    public init(adaptive: Bool, backoff: Double, minimumTimeout: Duration = .milliseconds(200)) {
        self.adaptive = adaptive
        self.backoff = backoff.isFinite ? max(1, backoff) : 1
        self.minimumTimeout = minimumTimeout
    }

    /// Net-SNMP's behaviour: `retries + 1` attempts, each waiting the configured timeout.
    public static let netSNMP = RetransmissionPolicy(adaptive: false, backoff: 1)
    /// Adaptive per-target timeouts with exponential back-off, within Net-SNMP's budget.
    public static let adaptive = RetransmissionPolicy(adaptive: true, backoff: 2)
}

/// Retransmission timing of one target: a round-trip estimator and the schedule of a request's attempts.
public enum Retransmission {
    /// The per-target timing state (DESIGN.md, example 5), pure: the caller asks for a request's schedule,
    /// sends, and reports how it ended.
    ///
    /// Bounds: a request never makes more than `retries + 1` attempts and waits `timeout × (retries + 1)`
    /// in total, what Net-SNMP spends on an agent that does not answer. Within that, the first attempt waits
    /// the estimated retransmission timeout (RTO) once there is an estimate, so a lost datagram to a fast
    /// agent is resent soon and a slow agent is not retransmitted to needlessly, and each further attempt
    /// waits `backoff` times longer. A target whose last ``downAfter`` requests all timed out gets a single
    /// attempt per request until it answers: a poller does not wait on dead agents.
    ///
    /// ```swift
    /// var timing = Retransmission.StateMachine()
    /// let waits = timing.schedule(timeout: .seconds(1), retries: 5, policy: .adaptive)   // [1 s, 2 s, 3 s]
    /// timing.answered(after: .milliseconds(3))
    /// timing.schedule(timeout: .seconds(1), retries: 2, policy: .adaptive)              // [0.2 s, 0.4 s, 2.4 s]
    /// ```
    public struct StateMachine: Sendable, Hashable {
        /// The smoothed round-trip time (RFC 6298 SRTT), once a round trip has been measured.
        public private(set) var smoothedRTT: Duration?
        /// The round-trip variation (RFC 6298 RTTVAR).
        public private(set) var rttVariation: Duration = .zero
        /// Requests that timed out in a row since the last answer.
        public private(set) var consecutiveTimeouts = 0

        /// No measurements yet.
        public init() {}

        /// RFC 6298 §2: RTO = SRTT + max(G, 4·RTTVAR), doubled per request that timed out since (§5.5);
        /// `nil` before the first measurement.
        public var retransmissionTimeout: Duration? {
            guard let smoothedRTT else { return nil }
            let base = smoothedRTT + max(.milliseconds(1), rttVariation * 4)
            return base * (1 << min(consecutiveTimeouts, 6))
        }

        /// Requests in a row that timed out after which a target counts as down: each further request gets
        /// one attempt of the configured timeout until it answers again (a poller stops waiting on it).
        public static let downAfter = 2

        /// The wait of each attempt of the next request.
        ///
        /// Never more than `retries + 1` attempts, never longer than `timeout × (retries + 1)` in total, and,
        /// while the target answers, never shorter: the last attempt waits out what is left of that budget, so
        /// a fast target's early retransmissions do not make a busy moment a failure.
        public func schedule(timeout: Duration, retries: Int, policy: RetransmissionPolicy) -> [Duration] {
            let attempts = max(0, retries) + 1
            let timeout = max(timeout, .nanoseconds(1))
            guard policy.adaptive || policy.backoff > 1 else { return Array(repeating: timeout, count: attempts) }
            if policy.adaptive && consecutiveTimeouts >= Self.downAfter { return [timeout] }
            let budget = timeout * attempts
            var wait = timeout
            if policy.adaptive, let estimate = retransmissionTimeout {
                wait = min(max(estimate, min(policy.minimumTimeout, timeout)), budget)
            }
            var waits: [Duration] = []
            var spent = Duration.zero
            while spent < budget {
                let this = waits.count == attempts - 1 ? budget - spent : min(wait, budget - spent)
                waits.append(this)
                spent += this
                wait = wait * policy.backoff
            }
            return waits
        }

        /// A request was answered `elapsed` after its first transmission.
        ///
        /// The dispatcher retransmits with the same request-id, so an answer that came after a retransmission
        /// may belong to any attempt (Karn's problem); the time since the first attempt is used then too, an
        /// overestimate, which errs towards waiting longer.
        public mutating func answered(after elapsed: Duration) {
            consecutiveTimeouts = 0
            let sample = max(elapsed, .zero)
            guard let srtt = smoothedRTT else {
                // RFC 6298 §2.2: the first measurement.
                smoothedRTT = sample
                rttVariation = sample / 2
                return
            }
            // RFC 6298 §2.3: RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R'|, SRTT = 7/8 SRTT + 1/8 R'.
            let deviation = srtt > sample ? srtt - sample : sample - srtt
            rttVariation = rttVariation * 0.75 + deviation * 0.25
            smoothedRTT = srtt * 0.875 + sample * 0.125
        }

        /// A request got no answer after all its attempts: the next request's first wait backs off.
        public mutating func timedOut() {
            consecutiveTimeouts = min(consecutiveTimeouts + 1, 16)
        }
    }
}
