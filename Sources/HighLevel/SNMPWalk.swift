public import SNMPApplications

/// The objects of a subtree, fetched lazily with GETNEXT or GETBULK as the sequence is iterated.
///
/// The walk ends at the end of the subtree or of the agent's MIB view (exception values are not
/// yielded); an agent that returns an OID not after the previous one makes it throw
/// `SNMPError.Code.notIncreasing` unless ``SNMPClient/Configuration/checkIncreasing`` is off (then a
/// loop guard ends it). A GETBULK the agent answers with `tooBig`, or that times out, is repeated with
/// fewer repetitions (down to GETNEXT) and the size grows back later: the same objects come out.
/// ``SNMPClient/walkResult(_:maxRepetitions:)`` collects a walk with what it worked around.
///
/// ```swift
/// for try await varBind in client.walk("1.3.6.1.2.1.1") { print(varBind) }
/// ```
public struct SNMPWalk: AsyncSequence, Sendable {
/// Each object of the subtree, in OID order.
    public typealias Element = VarBind
/// Transport failures, error-status responses and non-increasing OIDs end the walk with this error.
    public typealias Failure = SNMPError

    let client: SNMPClient
    let root: ObjectIdentifier
    let maxRepetitions: Int?
    let checkIncreasing: Bool
    /// Whether a non-increasing OID throws (the sequence) or ends the walk with a warning (``SNMPWalkResult``).
    var throwsOnNotIncreasing = true
    /// A name that did not resolve: the first `next()` throws it (walks by name stay non-throwing to start).
    var resolutionError: SNMPError? = nil

    /// Fetches the next batch when the current one is used up.
    public struct AsyncIterator: AsyncIteratorProtocol {
/// Each object of the subtree, in OID order.
        public typealias Element = VarBind
/// The error that ends the walk.
        public typealias Failure = SNMPError

        let walk: SNMPWalk
        var machine: WalkStateMachine
        var buffer: [VarBind] = []
        var index = 0
        var finished = false
        var pendingError: SNMPError?
        var repetitions: MaxRepetitions.StateMachine
        /// What the walk worked around so far.
        public internal(set) var warnings: [WalkWarning] = []
        /// Requests sent so far.
        public internal(set) var requests = 0

        /// The next object, or `nil` at the end of the walk.
        public mutating func next(isolation actor: isolated (any Actor)? = #isolation) async throws(SNMPError) -> VarBind? {
            while true {
                if index < buffer.count {
                    let varBind = buffer[index]
                    index += 1
                    if varBind.value.isException { continue }
                    return varBind
                }
                if let error = pendingError {
                    pendingError = nil
                    finished = true
                    throw error
                }
                if finished { return nil }
                try await fetch(isolation: actor)
            }
        }

        public mutating func next() async throws(SNMPError) -> VarBind? {
            try await next(isolation: nil)
        }

        private mutating func fetch(isolation actor: isolated (any Actor)?) async throws(SNMPError) {
            let response = try await walk.client.engine.commandGenerator.fetchNext(
                after: [machine.cursor], to: walk.client.target, repetitions: &repetitions,
                warnings: &warnings, requests: &requests)
            buffer.removeAll(keepingCapacity: true)
            index = 0
            if response.errorStatus == .noSuchName && walk.client.target.version == .v1 {
                finished = true  // RFC 1157 §4.1.3: SNMPv1 signals the end of the MIB with noSuchName.
                if machine.emitted > 0 { warnings.append(.noSuchName(after: machine.cursor)) }
                return
            }
            guard response.errorStatus == .noError else { throw SNMPError.errorStatus(in: response) }
            let outcome = machine.receive(response.varBinds, into: &buffer)
            switch outcome {
            case .next:
                break
            case .endOfSubtree:
                finished = true
            case .endOfMibView:
                finished = true
                let rest = response.varBinds.dropFirst(buffer.count)
                if let value = rest.first(where: { walk.root.isPrefix(of: $0.oid) && !$0.value.isException }) {
                    warnings.append(.exceptionAmongValues(at: value.oid))
                }
            case .loop(let oid):
                finished = true
                warnings.append(.loop(at: oid))
            case .notIncreasing(let previous, let received):
                warnings.append(.notIncreasing(previous: previous, received: received))
                if walk.throwsOnNotIncreasing {
                    pendingError = SNMPError(.notIncreasing, "OID not increasing: \(previous) >= \(received)",
                                             previousOID: previous, receivedOID: received)
                } else {
                    // End cleanly with what came before: the offending (repeated or earlier) OID is dropped.
                    buffer.removeLast()
                    finished = true
                }
            }
        }
    }

    /// Starts iterating.
    public func makeAsyncIterator() -> AsyncIterator {
        let configured = maxRepetitions ?? 0    // a GETBULK over SNMPv1 fails with unsupportedPDU, as before
        var iterator = AsyncIterator(walk: self, machine: WalkStateMachine(root: root, checkIncreasing: checkIncreasing),
                                     repetitions: MaxRepetitions.StateMachine(configured: configured))
        iterator.pendingError = resolutionError
        return iterator
    }
}

/// A whole walk with what it worked around: ``SNMPClient/walkResult(_:maxRepetitions:)``.
public struct SNMPWalkResult: Sendable {
    /// The objects, in OID order, each once.
    public var varBinds: [VarBind]
    /// What the walk noticed and worked around (reduced max-repetitions, a non-increasing OID, a loop, ...).
    public var warnings: [WalkWarning]
    /// How many requests the walk sent (retransmissions not counted).
    public var requests: Int
}

extension SNMPClient {
    /// Walks `root` to its end (GETBULK with `maxRepetitions`, or the configured default; GETNEXT in
    /// SNMPv1) and returns the objects with the walk's warnings. A misbehaving agent (non-increasing OIDs,
    /// a loop, `noSuchName` in SNMPv1, an exception among values) ends the walk cleanly with what was
    /// fetched and a ``WalkWarning``; only transport and security failures and error-status responses throw.
    ///
    /// ```swift
    /// let result = try await client.walkResult("1.3.6.1.2.1.2.2")
    /// for warning in result.warnings { print("note:", warning) }
    /// ```
    public func walkResult(_ root: ObjectIdentifier, maxRepetitions: Int? = nil) async throws(SNMPError) -> SNMPWalkResult {
        var walk = target.version == .v1 ? self.walk(root) : bulkWalk(root, maxRepetitions: maxRepetitions)
        walk.throwsOnNotIncreasing = false
        var iterator = walk.makeAsyncIterator()
        var varBinds: [VarBind] = []
        while let varBind = try await iterator.next(isolation: nil) { varBinds.append(varBind) }
        return SNMPWalkResult(varBinds: varBinds, warnings: iterator.warnings, requests: iterator.requests)
    }
}
