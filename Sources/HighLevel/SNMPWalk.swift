public import SNMPApplications

/// The objects of a subtree, fetched lazily with GETNEXT or GETBULK as the sequence is iterated.
///
/// The walk ends at the end of the subtree or of the agent's MIB view (exception values are not
/// yielded); an agent that returns an OID not after the previous one makes it throw
/// `SNMPError.Code.notIncreasing` unless ``SNMPClient/Configuration/checkIncreasing`` is off.
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
            let pdu: PDU
            if let maxRepetitions = walk.maxRepetitions {
                pdu = .getBulk(requestID: 0, nonRepeaters: 0, maxRepetitions: Int32(clamping: maxRepetitions),
                               oids: [machine.cursor])
            } else {
                pdu = PDU(type: .getNextRequest, requestID: 0, varBinds: [VarBind(machine.cursor)])
            }
            let response = try await walk.client.engine.commandGenerator.send(pdu, to: walk.client.target)
            buffer.removeAll(keepingCapacity: true)
            index = 0
            if response.errorStatus == .noSuchName && walk.client.target.version == .v1 {
                finished = true  // RFC 1157 §4.1.3: SNMPv1 signals the end of the MIB with noSuchName.
                return
            }
            guard response.errorStatus == .noError else { throw SNMPError.errorStatus(in: response) }
            switch machine.receive(response.varBinds, into: &buffer) {
            case .next:
                break
            case .endOfSubtree, .endOfMibView:
                finished = true
            case .notIncreasing(let previous, let received):
                pendingError = SNMPError(.notIncreasing, "OID not increasing: \(previous) >= \(received)",
                                         previousOID: previous, receivedOID: received)
            }
        }
    }

    /// Starts iterating.
    public func makeAsyncIterator() -> AsyncIterator {
        var iterator = AsyncIterator(walk: self, machine: WalkStateMachine(root: root, checkIncreasing: checkIncreasing))
        iterator.pendingError = resolutionError
        return iterator
    }
}
