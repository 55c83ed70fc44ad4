public import SNMPSMI

/// Something a walk noticed and worked around; the walk still returns what it fetched.
public enum WalkWarning: Sendable, Hashable, CustomStringConvertible {
    /// Why max-repetitions went down.
    public enum Reduction: Sendable, Hashable {
        /// The agent answered `tooBig`.
        case tooBig
        /// A large request got no answer (often a response lost for exceeding the path MTU).
        case timeout
    }

    /// A request was repeated with fewer repetitions (0: GETNEXT).
    case maxRepetitionsReduced(from: Int, to: Int, because: Reduction)
    /// The agent returned an OID not after the previous one; the walk stopped there (or, with checking
    /// off, went on until the loop guard saw an OID come back).
    case notIncreasing(previous: ObjectIdentifier, received: ObjectIdentifier)
    /// With increasing-order checking off, the agent went round in a loop: the walk stopped.
    case loop(at: ObjectIdentifier)
    /// An SNMPv1 agent answered `noSuchName` inside the walked subtree: the walk ended there.
    case noSuchName(after: ObjectIdentifier)
    /// An exception (`endOfMibView`, ...) came before other values inside the subtree in one response.
    case exceptionAmongValues(at: ObjectIdentifier)
    /// sysUpTime went backwards between responses: the agent restarted during the walk; rows fetched
    /// before and after may disagree, and rows seen twice were kept once.
    case agentRestarted

    public var description: String {
        switch self {
        case .maxRepetitionsReduced(let from, let to, let reason):
            return "max-repetitions \(from) -> \(to) after \(reason == .tooBig ? "tooBig" : "a timeout")"
        case .notIncreasing(let previous, let received): return "OID not increasing: \(previous) >= \(received)"
        case .loop(let oid): return "the agent looped back to \(oid)"
        case .noSuchName(let oid): return "noSuchName after \(oid)"
        case .exceptionAmongValues(let oid): return "exception before other values at \(oid)"
        case .agentRestarted: return "the agent restarted during the walk (sysUpTime went backwards)"
        }
    }
}

// Bulk requests that shrink when the agent or the path cannot carry them (MaxRepetitions.StateMachine).
extension CommandGenerator {
    /// Asks for the objects after `oids` (one GETNEXT varbind or GETBULK repeater each), with as many
    /// repetitions as `repetitions` allows; on `tooBig`, or a timeout after a request of several
    /// repetitions, repeats the same request smaller, down to a GETNEXT. The response is returned with any
    /// other error-status as data; each reduction is appended to `warnings`.
    ///
    /// - Parameters:
    ///   - nonRepeaters: how many of `oids`, at the front, get one successor only (GETBULK non-repeaters).
    ///   - requests: counts every request sent, for callers that report it.
    public func fetchNext(after oids: [ObjectIdentifier], nonRepeaters: Int = 0, to target: SNMPTarget,
                          repetitions: inout MaxRepetitions.StateMachine, warnings: inout [WalkWarning],
                          requests: inout Int) async throws(SNMPError) -> PDU {
        while true {
            let size = repetitions.current
            let pdu: PDU = size > 0
                ? .getBulk(requestID: 0, nonRepeaters: Int32(clamping: max(0, min(nonRepeaters, oids.count))),
                           maxRepetitions: Int32(clamping: size), oids: oids)
                : PDU(type: .getNextRequest, requestID: 0, varBinds: oids.map { VarBind($0) })
            requests += 1
            let response: PDU
            do {
                response = try await send(pdu, to: target)
            } catch where error.code == .timeout && size > 1 {
                guard case .retry(let smaller) = repetitions.timedOut() else { throw error }
                warnings.append(.maxRepetitionsReduced(from: size, to: smaller, because: .timeout))
                continue
            }
            if response.errorStatus == .tooBig, size > 0,
               case .retry(let smaller) = repetitions.tooBig() {
                warnings.append(.maxRepetitionsReduced(from: size, to: smaller, because: .tooBig))
                continue
            }
            if response.errorStatus == .noError { repetitions.answered() }
            return response
        }
    }
}
