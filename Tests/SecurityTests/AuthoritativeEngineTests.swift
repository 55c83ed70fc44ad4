import NIOCore
import SNMPSecurity
import SNMPSMI
import Testing

/// Who is authoritative decides which engine ID a message must carry. A request (Get, GetNext, GetBulk, Set,
/// Inform) is for its receiver, so one that names another engine ID is refused as an unknown engine even when it
/// authenticates with keys localized to that other engine — found by the USM attack oracle: our agent answered
/// such a request, Net-SNMP's snmpd reports usmStatsUnknownEngineIDs. Traps, Responses and Reports come from a
/// remote authoritative engine and stay accepted.
@Suite struct AuthoritativeEngineTests {
    static let local = OctetString([0x80, 0x00, 0x1F, 0x88, 0x80, 0xAA, 0xBB, 0xCC, 0xDD, 0x00, 0x00, 0x00, 0x01])
    static let other = OctetString([0x80, 0x00, 0x1F, 0x88, 0x04, 0x6E, 0x6F, 0x6E, 0x65])
    static let user = USMUser(userName: "alice", auth: .hmacSHA256, authSecret: .passphrase("authkey1234"),
                              priv: .aes128, privSecret: .passphrase("privkey1234"))
    static let clock = USMEngineTime(boots: 3, time: 1000)

    /// A message to (or, for notifications and responses, from) `engineID`, built by a sender that knows its clock.
    static func message(_ type: PDUType, engineID: OctetString, level: SecurityLevel) throws -> ByteBuffer {
        let sender = UserSecurityModel(localEngineID: OctetString([0x80, 0x00, 0x00, 0x00, 0x09]), users: USMUserTable([user]))
        sender.learnEngineTime(engineID: engineID, time: clock, now: 0)
        let header = SNMPv3HeaderData(messageID: 7, maxSize: 65_507,
                                      flags: type.isConfirmedClass ? .reportable : [], securityModel: 3)
        let scoped = ScopedPDU(contextEngineID: engineID, contextName: "",
                               pdu: PDU(type: type, requestID: 42, varBinds: [VarBind([1, 3, 6, 1, 2, 1, 1, 1, 0])]))
        return try sender.generateRequestMessage(headerData: header, securityEngineID: engineID, userName: "alice",
                                                 securityLevel: level, scopedPDU: scoped, now: 0)
    }

    @Test(arguments: [PDUType.getRequest, .getNextRequest, .getBulkRequest, .setRequest, .informRequest],
          [SecurityLevel.authPriv, .authNoPriv])
    func aRequestForAnotherEngineIsAnUnknownEngine(type: PDUType, level: SecurityLevel) throws {
        let usm = UserSecurityModel(localEngineID: Self.local, users: USMUserTable([Self.user]))
        let wire = try Self.message(type, engineID: Self.other, level: level)
        #expect {
            _ = try usm.processIncomingMessage(wire, localEngineTime: Self.clock, now: 0)
        } throws: { error in
            guard let error = error as? USMError, error.code == .unknownEngineID, let report = error.report else { return false }
            // The Report names usmStatsUnknownEngineIDs and goes out unauthenticated from this engine (RFC 3414 §4).
            return report.counter == [1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0]
                && report.stateReference.securityEngineID == Self.local
                && report.stateReference.securityLevel == .noAuthNoPriv
        }
        #expect(usm.statistics.unknownEngineIDs == 1)
        // The same request for this engine is accepted.
        let mine = try Self.message(type, engineID: Self.local, level: level)
        #expect(try usm.processIncomingMessage(mine, localEngineTime: Self.clock, now: 0).scopedPDU.pdu.type == type)
    }

    @Test(arguments: [PDUType.trapV2, .response, .report])
    func notificationsAndResponsesFromARemoteEngineAreAccepted(type: PDUType) throws {
        let usm = UserSecurityModel(localEngineID: Self.local, users: USMUserTable([Self.user]))
        let wire = try Self.message(type, engineID: Self.other, level: .authPriv)
        let incoming = try usm.processIncomingMessage(wire, localEngineTime: Self.clock, now: 0)
        #expect(incoming.scopedPDU.pdu.type == type)
        #expect(usm.statistics.unknownEngineIDs == 0)
    }
}
