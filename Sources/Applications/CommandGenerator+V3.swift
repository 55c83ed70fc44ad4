import NIOCore
import SNMPSMI
import SNMPSecurity
import SNMPMessageProcessing
import SNMPDispatcher

// SNMPv3 requests (RFC 3412 §7.1, RFC 3414 §3.1 and §4), driven by `USMDiscovery.StateMachine`.
extension CommandGenerator {
    func sendV3(_ pdu: PDU, to target: SNMPTarget, _ parameters: USMTargetParameters) async throws(SNMPError) -> PDU {
        guard let v3 = dispatcher.v3 else {
            throw SNMPError(.security, "this engine was started without SNMPv3")
        }
        let known = parameters.authoritativeEngineID ?? engineDirectory.engineID(at: target.address)
        var machine = USMDiscovery.StateMachine(knownEngineID: known)
        var action = machine.start()
        while true {
            switch action {
            case .sendDiscovery:
                let reply = try await exchange(target) { id throws(USMError) in try v3.prepareDiscovery(messageID: id) }
                action = try reportAction(reply, &machine)
            case .sendRequest(let engineID, let learnedTime):
                if let learnedTime {
                    v3.usm.learnEngineTime(engineID: engineID, time: learnedTime, now: v3.monotonicSeconds())
                }
                engineDirectory.record(engineID, at: target.address)
                let reply = try await exchange(target) { id throws(USMError) in
                    var request = pdu
                    request.requestID = id
                    let scoped = ScopedPDU(contextEngineID: parameters.contextEngineID ?? engineID,
                                           contextName: parameters.contextName, pdu: request)
                    return try v3.prepareRequest(messageID: id, securityEngineID: engineID, userName: parameters.userName,
                                                 securityLevel: parameters.securityLevel, scopedPDU: scoped)
                }
                guard case .pdu(let response) = reply.pdu else {
                    throw SNMPError(.unexpectedResponse, "\(reply.pdu.type)")
                }
                if response.type == .report {
                    action = try reportAction(reply, &machine)
                    continue
                }
                // RFC 3412 §7.2 step 12: a Response must come back at the level of the request, or it is not
                // the agent's (an unauthenticated message could otherwise answer an authPriv request).
                guard response.type == .response, reply.securityLevel == parameters.securityLevel else {
                    throw SNMPError(.unexpectedResponse, "\(response.type) at \(reply.securityLevel)")
                }
                _ = machine.responseReceived()
                return response
            case .fail(let error):
                throw SNMPError(usm: error, report: nil)
            case .deliverResponse, .none:
                throw SNMPError(.unexpectedResponse, "discovery ended without a response")
            }
        }
    }

    /// One request/response exchange through the dispatcher (timeouts and retries included).
    private func exchange(_ target: SNMPTarget,
                          encode: @escaping @Sendable (Int32) throws(USMError) -> ByteBuffer) async throws(SNMPError) -> IncomingMessage {
        let future = pacing.sendRequest(through: dispatcher, to: target) { id in
            do {
                return try encode(id)
            } catch let error as USMError {
                throw SNMPError(usm: error, report: nil)
            }
        }
        do {
            return try await future.get()
        } catch {
            throw SNMPError(dispatcherError: error)
        }
    }

    /// Feeds a Report to the discovery state machine.
    private func reportAction(_ reply: IncomingMessage,
                              _ machine: inout USMDiscovery.StateMachine) throws(SNMPError) -> USMDiscovery.StateMachine.Action {
        guard case .pdu(let report) = reply.pdu, report.type == .report, let details = reply.v3 else {
            throw SNMPError(.unexpectedResponse, "expected a Report, got \(reply.pdu.type)")
        }
        guard let counter = report.varBinds.first?.oid else {
            throw SNMPError(.unexpectedResponse, "Report without a varbind")
        }
        let action = machine.reportReceived(counter: counter, engineID: details.securityEngineID,
                                            engineTime: details.securityEngineTime)
        if case .fail(let error) = action { throw SNMPError(usm: error, report: counter) }
        return action
    }
}

extension SNMPError {
    /// Maps a USM failure (local, or reported by the agent) to the application's codes, with Net-SNMP's
    /// wording in ``reason`` so the CLI can print it as is.
    init(usm error: USMError, report: ObjectIdentifier?) {
        let code: Code
        let text: String
        switch error.code {
        case .wrongDigest: (code, text) = (.authentication, "Authentication failure (incorrect password, community or key)")
        case .unknownUserName: (code, text) = (.unknownUserName, "Unknown user name")
        case .unsupportedSecurityLevel: (code, text) = (.unsupportedSecurityLevel, "Unsupported security level")
        case .notInTimeWindow: (code, text) = (.notInTimeWindow, "Not in time window")
        case .unknownEngineID: (code, text) = (.unknownEngineID, "Unknown engine ID")
        case .decryptionError: (code, text) = (.decryptionError, "Decryption error")
        default: (code, text) = (.security, error.description)
        }
        self.init(code, text, reportOID: report)
    }
}
