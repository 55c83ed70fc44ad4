/// A cap on the requests outstanding to one target at a time: many small agents crash or drop when
/// flooded, and a poller of thousands of objects should queue rather than burst.
public enum InFlightLimit {
    /// The admission logic (DESIGN.md, example 5), pure and generic over the waiter's token: the handler
    /// parks a continuation under the token when told to wait and resumes it when told to.
    ///
    /// ```swift
    /// var limit = InFlightLimit.StateMachine<Int>(limit: 1)
    /// limit.acquire(1)          // .proceed
    /// limit.acquire(2)          // .wait
    /// limit.release()           // .resume(2)
    /// ```
    public struct StateMachine<Token: Hashable & Sendable>: Sendable {
        /// What the caller of ``acquire(_:)`` does.
        public enum AcquireAction: Sendable, Hashable {
            /// Send now.
            case proceed
            /// Wait until the token is resumed (or cancelled).
            case wait
        }

        /// What the caller of ``release()`` does.
        public enum ReleaseAction: Sendable, Hashable {
            /// Let this waiter send (its slot is already counted).
            case resume(Token)
            /// Nobody was waiting.
            case none
        }

        /// The most requests outstanding at once (at least 1).
        public let limit: Int
        /// Requests outstanding now.
        public private(set) var inFlight = 0
        private var waiters: [Token] = []
        private var head = 0

        /// Creates an empty limiter.
        public init(limit: Int) {
            self.limit = max(1, limit)
        }

        /// Requests waiting for a slot.
        public var waiting: Int { waiters.count - head }

        /// Whether `token` is still waiting for a slot.
        public func isWaiting(_ token: Token) -> Bool { waiters[head...].contains(token) }

        /// A request wants to go out.
        public mutating func acquire(_ token: Token) -> AcquireAction {
            if inFlight < limit && waiting == 0 {
                inFlight += 1
                return .proceed
            }
            waiters.append(token)
            return .wait
        }

        /// A request finished (answered, failed or timed out): its slot passes to the oldest waiter.
        public mutating func release() -> ReleaseAction {
            if head < waiters.count {
                let next = waiters[head]
                head += 1
                compact()
                return .resume(next)    // the slot moves over; inFlight is unchanged
            }
            inFlight = max(0, inFlight - 1)
            return .none
        }

        /// A waiter gave up (its task was cancelled) before getting a slot: `true` if it was still waiting.
        public mutating func cancel(_ token: Token) -> Bool {
            guard let index = waiters[head...].firstIndex(of: token) else { return false }
            waiters.remove(at: index)
            return true
        }

        private mutating func compact() {
            if head > 64 && head * 2 > waiters.count {
                waiters.removeFirst(head)
                head = 0
            }
        }
    }
}
