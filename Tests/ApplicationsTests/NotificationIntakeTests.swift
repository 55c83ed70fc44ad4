import Testing
import NIOCore
import SNMPApplications
import SNMPMessageProcessing
import SNMPSecurity
import SNMPSMI

/// The receiver's decisions without sockets: community check, inform acknowledgement in every case,
/// duplicate suppression by (sender, request-id) within the window (RFC 3413 §3.4, RFC 3416 §4.2.7).
@Suite struct NotificationIntakeTests {
    let sender: SocketAddress
    let otherSender: SocketAddress

    init() throws {
        sender = try SocketAddress(ipAddress: "192.0.2.10", port: 40000)
        otherSender = try SocketAddress(ipAddress: "192.0.2.11", port: 40000)
    }

    static let notification = SNMPNotification(.linkUp, upTime: 42, varBinds: [VarBind("1.3.6.1.2.1.2.2.1.1.2", .integer(2))])

    static func v2c(_ type: PDUType, community: OctetString = "public", requestID: Int32 = 7) -> IncomingMessage {
        IncomingMessage(version: .v2c, securityModel: .v2c, securityName: community, securityLevel: .noAuthNoPriv,
                        pdu: .pdu(notification.pdu(type: type, requestID: requestID)), maxSize: 65_507, matchingID: requestID)
    }

    static func v3(_ type: PDUType, user: OctetString = "ops", requestID: Int32 = 9) -> IncomingMessage {
        IncomingMessage(version: .v3, securityModel: .usm, securityName: user, securityLevel: .authPriv,
                        contextEngineID: OctetString([0x80, 0x00, 0x1F, 0x88, 0x80, 0x01]), contextName: "ctx-a",
                        pdu: .pdu(notification.pdu(type: type, requestID: requestID)), maxSize: 65_507, matchingID: 1234)
    }

    static func publicOnly() -> NotificationIntake {
        NotificationIntake(duplicateWindow: .seconds(150), acceptCommunity: { $0 == "public" })
    }

    @Test func unknownCommunityIsDroppedWithoutAnswer() {
        var intake = Self.publicOnly()
        for type in [PDUType.trapV2, .informRequest] {
            let decision = intake.accept(Self.v2c(type, community: "wrong"), from: sender, now: .now())
            #expect(decision.delivery == nil)
            #expect(decision.acknowledgement == nil)
        }
    }

    @Test func trapIsDeliveredAndNotAnswered() throws {
        var intake = Self.publicOnly()
        let decision = intake.accept(Self.v2c(.trapV2), from: sender, now: .now())
        #expect(decision.acknowledgement == nil)
        let delivered = try #require(decision.delivery)
        #expect(delivered.notification == Self.notification)
        #expect(delivered.securityName == "public")
        #expect(delivered.source == sender)
        // Traps carry no acknowledgement, so a repeated request-id is a new event, not a retransmission.
        #expect(intake.accept(Self.v2c(.trapV2), from: sender, now: .now()).delivery != nil)
    }

    @Test func informIsAcknowledgedEveryTimeButDeliveredOnce() throws {
        var intake = Self.publicOnly()
        let now = NIODeadline.now()
        let first = intake.accept(Self.v2c(.informRequest), from: sender, now: now)
        let ack = try #require(first.acknowledgement)
        #expect(ack.type == .response)
        #expect(ack.requestID == 7)
        #expect(ack.errorStatus == .noError)
        #expect(ack.varBinds == Self.notification.allVarBinds)
        #expect(first.delivery?.isInform == true)

        let retransmission = intake.accept(Self.v2c(.informRequest), from: sender, now: now + .seconds(1))
        #expect(retransmission.acknowledgement == ack)
        #expect(retransmission.delivery == nil)

        // Another request-id, or the same one from another sender, is another inform.
        #expect(intake.accept(Self.v2c(.informRequest, requestID: 8), from: sender, now: now).delivery != nil)
        #expect(intake.accept(Self.v2c(.informRequest), from: otherSender, now: now).delivery != nil)
        // After the window the request-id may be reused by the sender.
        #expect(intake.accept(Self.v2c(.informRequest), from: sender, now: now + .seconds(151)).delivery != nil)
    }

    @Test func v3NotificationsKeepUserAndContextAndSkipTheCommunityCheck() throws {
        var intake = NotificationIntake(acceptCommunity: { _ in false })
        let trap = try #require(intake.accept(Self.v3(.trapV2), from: sender, now: .now()).delivery)
        #expect(trap.version == .v3)
        #expect(trap.securityModel == .usm)
        #expect(trap.securityName == "ops")
        #expect(trap.securityLevel == .authPriv)
        #expect(trap.contextName == "ctx-a")
        #expect(trap.contextEngineID == OctetString([0x80, 0x00, 0x1F, 0x88, 0x80, 0x01]))

        let now = NIODeadline.now()
        let inform = intake.accept(Self.v3(.informRequest), from: sender, now: now)
        #expect(inform.acknowledgement?.requestID == 9)
        #expect(inform.delivery?.notification == Self.notification)
        let again = intake.accept(Self.v3(.informRequest), from: sender, now: now)
        #expect(again.acknowledgement != nil)
        #expect(again.delivery == nil)
    }

    @Test func v1TrapIsDeliveredInBothForms() throws {
        var intake = Self.publicOnly()
        let trap = TrapV1PDU(enterprise: "1.3.6.1.4.1.20408.4.1.1.2", agentAddress: IPv4Address(0, 0, 0, 0),
                             genericTrap: .warmStart, specificTrap: 0, timeStamp: 5,
                             varBinds: [VarBind("1.3.6.1.2.1.1.1.0", .octetString("my system"))])
        let message = IncomingMessage(version: .v1, securityModel: .v1, securityName: "public",
                                      securityLevel: .noAuthNoPriv, pdu: .trapV1(trap), maxSize: 65_507, matchingID: 0)
        let delivered = try #require(intake.accept(message, from: sender, now: .now()).delivery)
        #expect(delivered.trapV1 == trap)
        #expect(delivered.notification?.trapOID == .warmStart)
    }
}
