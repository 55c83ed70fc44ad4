public import NIOCore
import NIOConcurrencyHelpers
public import SNMPSMI
public import SNMPSecurity

/// The SNMPv3 message processing model (RFC 3412 §7) over the User-based Security Model.
///
/// It owns this engine's clock (snmpEngineBoots and the time since start, RFC 3414 §2.2) and the SNMP-MPD-MIB
/// counters, and turns PDUs into messages and back. Reports for messages USM refuses are built here
/// (RFC 3412 §7.1 step 3) so the dispatcher only has to send them.
///
/// ```swift
/// let usm = UserSecurityModel(localEngineID: engineID, users: USMUserTable([user]))
/// let v3 = V3MessageProcessing(usm: usm, engineBoots: 1)
/// let bytes = try v3.prepareRequest(messageID: 7, securityEngineID: agentID, userName: "admin",
///                                   securityLevel: .authPriv, scopedPDU: scoped)
/// ```
public final class V3MessageProcessing: Sendable {
    /// The security model.
    public let usm: UserSecurityModel
    /// snmpEngineBoots of this engine.
    public let engineBoots: Int32
    /// msgMaxSize this engine advertises (snmpEngineMaxMessageSize).
    public let maxMessageSize: Int32
    private let started: NIODeadline
    private let counters = NIOLockedValueBox(V3Statistics())

    /// Creates the model.
    /// - Parameters:
    ///   - usm: the security model whose local engine ID this engine uses.
    ///   - engineBoots: snmpEngineBoots, persisted and incremented by the engine on every start.
    ///   - maxMessageSize: the largest message this engine accepts (484...2147483647; UDP carries 65,507).
    public init(usm: UserSecurityModel, engineBoots: Int32 = 1, maxMessageSize: Int32 = 65_507) {
        self.usm = usm
        self.engineBoots = engineBoots
        self.maxMessageSize = maxMessageSize
        self.started = .now()
    }

    /// This engine's snmpEngineID.
    public var engineID: OctetString { usm.localEngineID }

    /// snmpEngineBoots and snmpEngineTime of this engine now.
    public func localEngineTime() -> USMEngineTime {
        let seconds = (NIODeadline.now() - started).nanoseconds / 1_000_000_000
        return USMEngineTime(boots: engineBoots, time: Int32(clamping: seconds))
    }

    /// A monotonic clock in seconds for USM's cache of remote engines' clocks.
    public func monotonicSeconds() -> Int64 {
        Int64(NIODeadline.now().uptimeNanoseconds / 1_000_000_000)
    }

    /// The SNMP-MPD-MIB counters this model owns.
    public var statistics: V3Statistics { counters.withLockedValue { $0 } }

    /// Records the boots/time of the remote authoritative engine `engineID` learnt by discovery or configured
    /// (Net-SNMP's `-3Z`), against this model's clock (RFC 3414 §2.3).
    public func learnEngineTime(_ time: USMEngineTime, of engineID: OctetString) {
        usm.learnEngineTime(engineID: engineID, time: time, now: monotonicSeconds())
    }

    /// A request (or inform) to the authoritative engine `securityEngineID` (RFC 3412 §7.1, RFC 3414 §3.1).
    public func prepareRequest(messageID: Int32, securityEngineID: OctetString, userName: OctetString,
                               securityLevel: SecurityLevel, scopedPDU: ScopedPDU) throws(USMError) -> ByteBuffer {
        let header = SNMPv3HeaderData(messageID: messageID, maxSize: maxMessageSize,
                                      flags: securityLevel.messageFlags.union(.reportable),
                                      securityModel: SecurityModelID.usm.rawValue)
        return try usm.generateRequestMessage(headerData: header, securityEngineID: securityEngineID, userName: userName,
                                              securityLevel: securityLevel, scopedPDU: scopedPDU, now: monotonicSeconds())
    }

    /// The discovery probe of RFC 3414 §4: noAuthNoPriv, empty user and engine ID, a GetRequest without
    /// varbinds, reportable.
    public func prepareDiscovery(messageID: Int32) throws(USMError) -> ByteBuffer {
        let scoped = ScopedPDU(contextEngineID: OctetString([UInt8]()), contextName: OctetString([UInt8]()),
                               pdu: PDU(type: .getRequest, requestID: messageID, varBinds: []))
        return try prepareRequest(messageID: messageID, securityEngineID: OctetString([UInt8]()),
                                  userName: OctetString([UInt8]()), securityLevel: .noAuthNoPriv, scopedPDU: scoped)
    }

    /// An unconfirmed message (SNMPv3 Trap) with this engine authoritative (RFC 3412 §7.1 step 9b).
    public func prepareAuthoritativeMessage(messageID: Int32, userName: OctetString, securityLevel: SecurityLevel,
                                            scopedPDU: ScopedPDU) throws(USMError) -> ByteBuffer {
        let header = SNMPv3HeaderData(messageID: messageID, maxSize: maxMessageSize, flags: securityLevel.messageFlags,
                                      securityModel: SecurityModelID.usm.rawValue)
        return try usm.generateAuthoritativeMessage(headerData: header, userName: userName, securityLevel: securityLevel,
                                                    scopedPDU: scopedPDU, localEngineTime: localEngineTime())
    }

    /// The Response (or Report) to a received message, with the same msgID, user, level and context
    /// (RFC 3412 §7.1 with the stateReference of §7.2 step 14).
    public func prepareResponse(to details: V3MessageDetails, contextEngineID: OctetString, contextName: OctetString,
                                pdu: PDU) throws(USMError) -> ByteBuffer {
        let header = SNMPv3HeaderData(messageID: details.messageID, maxSize: maxMessageSize,
                                      flags: details.stateReference.securityLevel.messageFlags,
                                      securityModel: SecurityModelID.usm.rawValue)
        return try usm.generateResponseMessage(
            headerData: header,
            scopedPDU: ScopedPDU(contextEngineID: contextEngineID, contextName: contextName, pdu: pdu),
            stateReference: details.stateReference, localEngineTime: localEngineTime())
    }

    /// What became of a received message.
    public enum Outcome: Sendable {
        /// Accepted: hand it to the pending request or the registered application.
        case message(IncomingMessage)
        /// Refused with a Report to send back to the sender (RFC 3412 §7.1 step 3).
        case report(ByteBuffer, USMError)
        /// Refused without an answer.
        case drop(reason: String, parseError: Bool)
    }

    /// RFC 3412 §7.2 `prepareDataElements` for a message whose version field is 3.
    public func prepareDataElements(_ bytes: ByteBuffer) -> Outcome {
        let decoded: (message: SNMPv3Message, layout: SNMPv3Message.WireLayout)
        do {
            decoded = try SNMPv3Message.decode(bytes)
        } catch {
            return .drop(reason: "\(error)", parseError: true)
        }
        let header = decoded.message.headerData
        // §7.2 step 4: only USM here; another model is counted (snmpUnknownSecurityModels).
        guard header.securityModel == SecurityModelID.usm.rawValue else {
            counters.withLockedValue { $0.unknownSecurityModels &+= 1 }
            return .drop(reason: "security model \(header.securityModel)", parseError: false)
        }
        // §7.2 step 5: privacy without authentication is invalid (snmpInvalidMsgs).
        guard header.flags.isValidSecurityLevel, header.maxSize >= 484 else {
            counters.withLockedValue { $0.invalidMessages &+= 1 }
            return .drop(reason: "invalid msgFlags or msgMaxSize", parseError: false)
        }
        let incoming: USMIncomingMessage
        do {
            incoming = try usm.processIncomingMessage(bytes, message: decoded.message, layout: decoded.layout,
                                                      localEngineTime: localEngineTime(), now: monotonicSeconds())
        } catch {
            // §7.2 step 6: a Report goes back when the sender asked for one and USM says what to report.
            if let report = error.report, header.flags.contains(.reportable) {
                let pdu = PDU(type: .report, requestID: reportRequestID(bytes), varBinds: [
                    VarBind(report.counter, .counter32(report.value)),
                ])
                let details = V3MessageDetails(
                    messageID: header.messageID, flags: header.flags,
                    securityEngineID: report.stateReference.securityEngineID, securityEngineTime: localEngineTime(),
                    stateReference: report.stateReference)
                if let reply = try? prepareResponse(to: details, contextEngineID: engineID,
                                                    contextName: OctetString([UInt8]()), pdu: pdu) {
                    return .report(reply, error)
                }
            }
            return .drop(reason: error.description, parseError: error.code == .parseError)
        }
        let scoped = incoming.scopedPDU
        let parameters = incoming.securityParameters
        let details = V3MessageDetails(
            messageID: header.messageID, flags: header.flags, securityEngineID: parameters.authoritativeEngineID,
            securityEngineTime: USMEngineTime(boots: parameters.authoritativeEngineBoots,
                                              time: parameters.authoritativeEngineTime),
            stateReference: incoming.stateReference)
        let securityName = incoming.securityName.isEmpty ? parameters.userName : OctetString(incoming.securityName)
        return .message(IncomingMessage(
            version: .v3, securityModel: .usm, securityName: securityName, securityLevel: incoming.securityLevel,
            contextEngineID: scoped.contextEngineID, contextName: scoped.contextName, pdu: .pdu(scoped.pdu),
            maxSize: Int(header.maxSize), matchingID: header.messageID, v3: details))
    }

    /// RFC 3412 §7.1 step 3: the Report's request-id is the request's when it could be read (plaintext
    /// scopedPDU), else 0.
    private func reportRequestID(_ bytes: ByteBuffer) -> Int32 {
        guard let message = try? SNMPv3Message(berEncoded: bytes), case .plaintext(let scoped) = message.data else {
            return 0
        }
        return scoped.pdu.requestID
    }
}

/// The SNMP-MPD-MIB counters the v3 model owns (RFC 3412 §5, incremented in §7.2 steps 4 and 5);
/// snmpUnknownPDUHandlers is the dispatcher's (`DispatcherStatistics` in SNMPDispatcher).
public struct V3Statistics: Hashable, Sendable {
    /// snmpUnknownSecurityModels.
    public var unknownSecurityModels: UInt32 = 0
    /// snmpInvalidMsgs (RFC 3412 §7.2 step 5).
    public var invalidMessages: UInt32 = 0

    /// Zeroed counters.
    public init() {}
}
