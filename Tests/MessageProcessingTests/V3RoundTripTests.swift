import NIOCore
import SNMPMessageProcessing
import SNMPSecurity
import SNMPSMI
import Testing

/// The SNMPv3 model (RFC 3412 §7) between a manager engine and an agent engine, with no socket: a request
/// prepared by one is accepted by the other, the response comes back, and each refusal lands on its counter.
@Suite struct V3RoundTripTests {
    static let agentID = OctetString([0x80, 0x00, 0x1F, 0x88, 0x80, 0x01, 0x02, 0x03, 0x04])
    static let managerID = OctetString([0x80, 0x00, 0x1F, 0x88, 0x80, 0x09, 0x09, 0x09, 0x09])
    static let user = USMUser(userName: "alice", auth: .hmacSHA256, authSecret: .passphrase("authkey1234"),
                              priv: .aes128, privSecret: .passphrase("privkey1234"))
    static let pdu = PDU(type: .getRequest, requestID: 77, varBinds: [VarBind([1, 3, 6, 1, 2, 1, 1, 1, 0])])

    static func engines() -> (manager: V3MessageProcessing, agent: V3MessageProcessing) {
        let agent = V3MessageProcessing(usm: UserSecurityModel(
            localEngineID: agentID, users: USMUserTable([user]), acceptsRemoteAuthoritativeEngines: false))
        let manager = V3MessageProcessing(usm: UserSecurityModel(localEngineID: managerID))
        manager.usm.updateUsers { $0.add(user, engineID: agentID) }
        manager.usm.learnEngineTime(engineID: agentID, time: agent.localEngineTime(), now: manager.monotonicSeconds())
        return (manager, agent)
    }

    /// msgSecurityParameters of an unauthenticated message from an unknown engine.
    static func emptySecurityParameters() -> OctetString {
        var buffer = ByteBuffer()
        _ = UsmSecurityParameters(authoritativeEngineID: OctetString([UInt8]()), authoritativeEngineBoots: 0,
                                  authoritativeEngineTime: 0, userName: OctetString([UInt8]()),
                                  authenticationParameters: OctetString([UInt8]()),
                                  privacyParameters: OctetString([UInt8]())).serialize(into: &buffer)
        return OctetString(Array(buffer.readableBytesView))
    }

    /// A plaintext message with the given header and empty security parameters.
    static func unauthenticated(flags: MessageFlags, securityModel: Int32) -> ByteBuffer {
        let header = SNMPv3HeaderData(messageID: 3, maxSize: 65_507, flags: flags, securityModel: securityModel)
        let message = SNMPv3Message(headerData: header, securityParameters: emptySecurityParameters(),
                                    data: .plaintext(ScopedPDU(contextEngineID: agentID, contextName: "", pdu: pdu)))
        var bytes = ByteBuffer()
        _ = message.serialize(into: &bytes)
        return bytes
    }

    static func accepted(_ outcome: V3MessageProcessing.Outcome) -> IncomingMessage? {
        if case .message(let message) = outcome { return message }
        return nil
    }

    @Test(arguments: [SecurityLevel.noAuthNoPriv, .authNoPriv, .authPriv])
    func requestAndResponseRoundTrip(level: SecurityLevel) throws {
        let (manager, agent) = Self.engines()
        let scoped = ScopedPDU(contextEngineID: Self.agentID, contextName: "ctx", pdu: Self.pdu)
        let request = try manager.prepareRequest(messageID: 501, securityEngineID: Self.agentID, userName: "alice",
                                                 securityLevel: level, scopedPDU: scoped)
        let received = try #require(Self.accepted(agent.prepareDataElements(request)))
        #expect(received.version == .v3)
        #expect(received.securityLevel == level)
        #expect(received.securityName == "alice")
        #expect(received.contextName == "ctx")
        #expect(received.matchingID == 501)
        guard case .pdu(let decoded) = received.pdu else {
            Issue.record("expected a PDU")
            return
        }
        #expect(decoded == Self.pdu)

        var answer = Self.pdu
        answer.type = .response
        answer.varBinds = [VarBind([1, 3, 6, 1, 2, 1, 1, 1, 0], .octetString("agent"))]
        let details = try #require(received.v3)
        let response = try agent.prepareResponse(to: details, contextEngineID: received.contextEngineID,
                                                 contextName: received.contextName, pdu: answer)
        let back = try #require(Self.accepted(manager.prepareDataElements(response)))
        #expect(back.matchingID == 501)
        #expect(back.securityLevel == level)
        guard case .pdu(let backPDU) = back.pdu else {
            Issue.record("expected a PDU")
            return
        }
        #expect(backPDU == answer)
    }

    /// RFC 3414 §4: the probe is answered with a usmStatsUnknownEngineIDs Report carrying the agent's engine ID.
    @Test func discoveryProbeGetsAReport() throws {
        let (manager, agent) = Self.engines()
        let probe = try manager.prepareDiscovery(messageID: 9)
        guard case .report(let reply, let error) = agent.prepareDataElements(probe) else {
            Issue.record("expected a Report")
            return
        }
        #expect(error.code == .unknownEngineID)
        let report = try #require(Self.accepted(manager.prepareDataElements(reply)))
        #expect(report.v3?.securityEngineID == Self.agentID)
        guard case .pdu(let pdu) = report.pdu else {
            Issue.record("expected a PDU")
            return
        }
        #expect(pdu.type == .report)
        #expect(pdu.varBinds.first?.oid == [1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0])
        #expect(agent.usm.statistics.unknownEngineIDs == 1)
    }

    /// RFC 3412 §7.2 step 5: privacy without authentication in msgFlags is counted in snmpInvalidMsgs.
    @Test func privWithoutAuthIsAnInvalidMessage() throws {
        let (_, agent) = Self.engines()
        let bytes = Self.unauthenticated(flags: [.privacy, .reportable], securityModel: SecurityModelID.usm.rawValue)
        guard case .drop = agent.prepareDataElements(bytes) else {
            Issue.record("expected a drop")
            return
        }
        #expect(agent.statistics.invalidMessages == 1)
        #expect(agent.statistics.unknownSecurityModels == 0)
    }

    /// RFC 3412 §7.2 step 4: a security model this engine does not run is counted in snmpUnknownSecurityModels.
    @Test func unknownSecurityModelIsCounted() throws {
        let (_, agent) = Self.engines()
        let bytes = Self.unauthenticated(flags: [.reportable], securityModel: 99)
        guard case .drop = agent.prepareDataElements(bytes) else {
            Issue.record("expected a drop")
            return
        }
        #expect(agent.statistics.unknownSecurityModels == 1)
    }
}
