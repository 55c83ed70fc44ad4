/// How many repetitions a bulk walk asks for, adapted to what the agent and the path can carry.
///
/// Agents answer a GETBULK that is too large for them with `tooBig` (RFC 3416 §4.2.3 lets them truncate
/// instead, but much firmware does not), and a response larger than the path MTU is often lost on the way
/// back, which looks like a timeout. The walker asks this machine for each request's max-repetitions and
/// tells it how the request went; the cursor of the walk only moves on a response, so repeating a request
/// with fewer repetitions returns the same objects: none lost, none doubled.
public enum MaxRepetitions {
    /// The pure adaptation logic (DESIGN.md, example 5): halve on `tooBig` and on a timeout that followed a
    /// large request, down to GETNEXT; grow back after a run of answered requests (by a quarter once a size
    /// has failed, staying below it for a while).
    ///
    /// ```swift
    /// var machine = MaxRepetitions.StateMachine(configured: 50)
    /// machine.current                      // 50
    /// machine.tooBig()                     // .retry(repetitions: 25)
    /// ```
    public struct StateMachine: Sendable, Hashable {
        /// What to do after a failed request.
        public enum Action: Sendable, Hashable {
            /// Send the same request again with this many repetitions (0: a GETNEXT).
            case retry(repetitions: Int)
            /// The failure is not about size (or the size cannot shrink further): report it.
            case fail
        }

        /// The max-repetitions the caller asked for: the ceiling.
        public let configured: Int
        /// Answered requests in a row needed before the size doubles again.
        public let growAfter: Int
        /// The max-repetitions of the next request; 0 means a GETNEXT.
        public private(set) var current: Int
        /// The smallest size that failed (`tooBig` or a timeout); growth stays below it.
        public private(set) var smallestFailed: Int?
        /// How many times the size was reduced.
        public private(set) var reductions = 0
        private var answeredInARow = 0

        /// Starts at `configured` repetitions (clamped to at least 0).
        public init(configured: Int, growAfter: Int = 4) {
            self.configured = max(0, configured)
            self.growAfter = max(1, growAfter)
            self.current = self.configured
        }

        /// Whether the next request is a GETNEXT (the size has shrunk to nothing, or GETBULK was not wanted).
        public var usesGetNext: Bool { current == 0 }

        /// The agent answered `tooBig`.
        public mutating func tooBig() -> Action {
            shrink()
        }

        /// The request timed out after every retry. A timeout after a request of more than one repetition
        /// may be a response lost for its size; after a GETNEXT or a single repetition it is not.
        public mutating func timedOut() -> Action {
            guard current > 1 else { return .fail }
            return shrink()
        }

        /// The agent answered without error: after `growAfter` of these in a row the size doubles again,
        /// up to the configured ceiling and below the smallest size that failed (until `8 × growAfter`
        /// answers in a row allow one more try at it).
        public mutating func answered() {
            answeredInARow += 1
            guard answeredInARow >= growAfter, current < configured else { return }
            var next = min(max(1, current * 2), configured)
            if smallestFailed != nil {
                // Below a size that failed, creep up by a quarter (TCP's congestion avoidance after a
                // loss) rather than double into the failure again.
                next = min(current + max(1, current / 4), configured)
            }
            if let smallestFailed, next >= smallestFailed {
                // Stay below what failed, but not forever: a long run of answers (8 growth periods)
                // forgets it and probes again, since a timeout may have been plain loss.
                if answeredInARow < growAfter * 8 {
                    next = smallestFailed - 1
                } else {
                    self.smallestFailed = nil
                }
            }
            if next > current {
                current = next
                answeredInARow = 0
            }
        }

        private mutating func shrink() -> Action {
            guard current > 0 else { return .fail }
            smallestFailed = min(smallestFailed ?? current, current)
            answeredInARow = 0
            reductions += 1
            current /= 2     // 1 halves to 0: a GETNEXT, which agents must answer one object at a time.
            return .retry(repetitions: current)
        }
    }
}
