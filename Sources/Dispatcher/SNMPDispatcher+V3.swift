import NIOCore
import SNMPMessageProcessing
import SNMPSecurity
import SNMPSMI

// SNMPv3 confirmed-class requests (RFC 3412 §7.1, RFC 3414 §3.1 and §4): the dispatcher drives
// `USMDiscovery.StateMachine` with what arrives, so discovery and time synchronisation are invisible to the
// application that called sendPDU.
extension SNMPDispatcher {
    func sendV3Request(_ outgoing: OutgoingPDU, v3: V3MessageProcessing) -> EventLoopFuture<IncomingMessage> {
        guard case .pdu(let pdu) = outgoing.pdu else {
            return eventLoop.makeFailedFuture(DispatcherError(.unsupportedPDU, "an SNMPv1 Trap-PDU in SNMPv3"))
        }
        let known = outgoing.securityEngineID ?? engineDirectory.engineID(at: outgoing.destination)
        let run = V3Request(outgoing: outgoing, pdu: pdu, v3: v3, dispatcher: self,
                            machine: USMDiscovery.StateMachine(knownEngineID: known))
        return eventLoop.flatSubmit { run.start() }
    }
}

/// One SNMPv3 request through discovery, time synchronisation and the real exchange.
private struct V3Request: Sendable {
    let outgoing: OutgoingPDU
    let pdu: PDU
    let v3: V3MessageProcessing
    let dispatcher: SNMPDispatcher
    var machine: USMDiscovery.StateMachine

    func start() -> EventLoopFuture<IncomingMessage> {
        var run = self
        let action = run.machine.start()
        return run.perform(action)
    }

    private func perform(_ action: USMDiscovery.StateMachine.Action) -> EventLoopFuture<IncomingMessage> {
        let loop = dispatcher.eventLoop
        switch action {
        case .sendDiscovery:
            let v3 = self.v3
            return send { id throws(USMError) in try v3.prepareDiscovery(messageID: id) }.flatMap { reply in
                var run = self
                do {
                    return run.perform(try run.reportAction(reply))
                } catch {
                    return loop.makeFailedFuture(error)
                }
            }
        case .sendRequest(let engineID, let learnedTime):
            if let learnedTime { v3.learnEngineTime(learnedTime, of: engineID) }
            dispatcher.engineDirectory.record(engineID, at: outgoing.destination)
            dispatcher.engineDirectory.provisionUser(named: outgoing.securityName, at: outgoing.destination,
                                                     engineID: engineID, into: v3.usm)
            let (outgoing, pdu, v3) = (self.outgoing, self.pdu, self.v3)
            return send { id throws(USMError) in
                var request = pdu
                request.requestID = id
                let scoped = ScopedPDU(contextEngineID: outgoing.contextEngineID ?? engineID,
                                       contextName: outgoing.contextName, pdu: request)
                return try v3.prepareRequest(messageID: id, securityEngineID: engineID, userName: outgoing.securityName,
                                             securityLevel: outgoing.securityLevel, scopedPDU: scoped)
            }.flatMap { reply in
                var run = self
                do {
                    return try run.received(reply)
                } catch {
                    return loop.makeFailedFuture(error)
                }
            }
        case .fail(let error):
            return loop.makeFailedFuture(DispatcherError(usm: error))
        case .deliverResponse, .none:
            return loop.makeFailedFuture(DispatcherError(.unexpectedResponse, "discovery ended without a response"))
        }
    }

    /// The answer to the real request: a Report goes back to the state machine, a Response completes.
    private mutating func received(_ reply: IncomingMessage) throws(DispatcherError) -> EventLoopFuture<IncomingMessage> {
        guard case .pdu(let response) = reply.pdu else {
            throw DispatcherError(.unexpectedResponse, "\(reply.pdu.type)")
        }
        if response.type == .report {
            return perform(try reportAction(reply))
        }
        // RFC 3412 §7.2 step 12: a Response must come back at the level of the request, or it is not the
        // agent's (an unauthenticated message could otherwise answer an authPriv request).
        guard response.type == .response, reply.securityLevel == outgoing.securityLevel else {
            throw DispatcherError(.unexpectedResponse, "\(response.type) at \(reply.securityLevel)")
        }
        _ = machine.responseReceived()
        return dispatcher.eventLoop.makeSucceededFuture(reply)
    }

    /// Feeds a Report to the discovery state machine.
    private mutating func reportAction(_ reply: IncomingMessage) throws(DispatcherError) -> USMDiscovery.StateMachine.Action {
        guard case .pdu(let report) = reply.pdu, report.type == .report, let details = reply.v3 else {
            throw DispatcherError(.unexpectedResponse, "expected a Report, got \(reply.pdu.type)")
        }
        guard let counter = report.varBinds.first?.oid else {
            throw DispatcherError(.unexpectedResponse, "Report without a varbind")
        }
        let action = machine.reportReceived(counter: counter, engineID: details.securityEngineID,
                                            engineTime: details.securityEngineTime)
        if case .fail(let error) = action { throw DispatcherError(usm: error, reportOID: counter) }
        return action
    }

    private func send(_ encode: @escaping @Sendable (Int32) throws(USMError) -> ByteBuffer) -> EventLoopFuture<IncomingMessage> {
        dispatcher.exchange(to: outgoing.destination, version: .v3, waits: outgoing.attemptWaits) { id throws(DispatcherError) in
            do throws(USMError) {
                return try encode(id)
            } catch {
                throw DispatcherError(usm: error)
            }
        }
    }
}
