public import SNMPSMI

/// Engine discovery and time synchronisation for one request from a non-authoritative engine (RFC 3414 §4).
public enum USMDiscovery {}

extension USMDiscovery {
    /// A pure state machine the dispatcher drives with what arrives; it answers with what to send next.
    ///
    /// 1. Unknown engine: send a discovery request (noAuthNoPriv, empty user and engine ID, reportable).
    /// 2. A Report of usmStatsUnknownEngineIDs names the engine (and, unauthenticated, its boots/time, which
    ///    Net-SNMP trusts to save a round trip): send the real request to it.
    /// 3. A Report of usmStatsNotInTimeWindows (authenticated, so USM has already resynchronised its time
    ///    cache, RFC 3414 §3.2 step 7b): send the request once more. A second one fails.
    /// 4. Any other usmStats Report fails with the matching ``USMError``; a response completes.
    ///
    /// ```swift
    /// var machine = USMDiscovery.StateMachine(knownEngineID: nil)
    /// switch machine.start() { case .sendDiscovery: ...; case .sendRequest(let engineID, let learned): ... }
    /// ```
    public struct StateMachine: Sendable {
        /// Where the exchange is.
        public enum State: Hashable, Sendable {
            /// Not started.
            case idle
            /// Waiting for the Report that names the engine.
            case discovering
            /// Waiting for the answer to the real request.
            case requesting(engineID: OctetString, timeSyncRetried: Bool, rediscovered: Bool)
            /// A response arrived.
            case finished
            /// Gave up.
            case failed
        }

        /// What the dispatcher must do next.
        public enum Action: Hashable, Sendable {
            /// Send the discovery request: noAuthNoPriv, empty msgUserName and msgAuthoritativeEngineID,
            /// reportable, a GetRequest with no varbinds (RFC 3414 §4).
            case sendDiscovery
            /// Send (or resend) the real request to `engineID`. When `learnedTime` is set, record it with
            /// ``UserSecurityModel/learnEngineTime(engineID:time:now:)`` first.
            case sendRequest(engineID: OctetString, learnedTime: USMEngineTime?)
            /// Hand the response to the application.
            case deliverResponse
            /// Fail the request with this error.
            case fail(USMError)
            /// Nothing to do (a stray event).
            case none
        }

        /// The current state.
        public private(set) var state: State = .idle
        private let knownEngineID: OctetString?

        /// Creates a machine; with `knownEngineID` (cached or configured) discovery is skipped.
        public init(knownEngineID: OctetString?) {
            self.knownEngineID = knownEngineID.flatMap { $0.isEmpty ? nil : $0 }
        }

        /// Starts the exchange.
        public mutating func start() -> Action {
            guard state == .idle else { return .none }
            if let knownEngineID {
                state = .requesting(engineID: knownEngineID, timeSyncRetried: false, rediscovered: false)
                return .sendRequest(engineID: knownEngineID, learnedTime: nil)
            }
            state = .discovering
            return .sendDiscovery
        }

        /// A Report arrived (already accepted by USM) carrying the usmStats `counter`, from the engine
        /// `engineID` with the boots/time of its security parameters.
        public mutating func reportReceived(counter: ObjectIdentifier, engineID: OctetString,
                                            engineTime: USMEngineTime) -> Action {
            let unknownEngine = USMStatistics.counterOID(for: .unknownEngineID)
            let notInTime = USMStatistics.counterOID(for: .notInTimeWindow)
            switch state {
            case .discovering:
                guard counter == unknownEngine, !engineID.isEmpty else { return fail(reportCode(counter), counter) }
                state = .requesting(engineID: engineID, timeSyncRetried: false, rediscovered: false)
                return .sendRequest(engineID: engineID, learnedTime: engineTime)
            case .requesting(let current, let retried, let rediscovered):
                if counter == notInTime, !retried {
                    // The engine may have rebooted or our estimate drifted; its authenticated Report has
                    // already resynchronised the cache.
                    state = .requesting(engineID: current, timeSyncRetried: true, rediscovered: rediscovered)
                    return .sendRequest(engineID: current, learnedTime: nil)
                }
                if counter == unknownEngine, !rediscovered, !engineID.isEmpty {
                    // The agent's engine ID changed (or our configuration was stale): learn the new one once.
                    state = .requesting(engineID: engineID, timeSyncRetried: retried, rediscovered: true)
                    return .sendRequest(engineID: engineID, learnedTime: engineTime)
                }
                return fail(reportCode(counter), counter)
            case .idle, .finished, .failed:
                return .none
            }
        }

        /// The response to the real request arrived.
        public mutating func responseReceived() -> Action {
            guard case .requesting = state else { return .none }
            state = .finished
            return .deliverResponse
        }

        private mutating func fail(_ code: USMError.Code, _ counter: ObjectIdentifier) -> Action {
            state = .failed
            return .fail(USMError(code, "agent reported \(counter)"))
        }

        private func reportCode(_ counter: ObjectIdentifier) -> USMError.Code {
            let codes: [USMError.Code] = [.unsupportedSecurityLevel, .notInTimeWindow, .unknownUserName,
                                          .unknownEngineID, .wrongDigest, .decryptionError]
            return codes.first { USMStatistics.counterOID(for: $0) == counter } ?? .discoveryFailed
        }
    }
}
