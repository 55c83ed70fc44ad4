import Testing
import SNMPApplications
import SNMPSMI

/// RFC 3584 §3 field by field, both directions.
@Suite struct NotificationTranslationTests {
    @Test func genericV1TrapBecomesSnmpTrapsOID() {
        let trap = TrapV1PDU(enterprise: "1.3.6.1.4.1.9", agentAddress: IPv4Address(10, 0, 0, 1),
                             genericTrap: .linkDown, specificTrap: 0, timeStamp: 500,
                             varBinds: [VarBind("1.3.6.1.2.1.2.2.1.1.7", .integer(7))])
        let notification = NotificationTranslation.notification(from: trap, community: "public")
        // §3.1 (2): generic-trap 2 -> snmpTraps.3 (linkDown).
        #expect(notification.trapOID == .linkDown)
        #expect(notification.upTime == 500)
        #expect(notification.varBinds == [
            VarBind("1.3.6.1.2.1.2.2.1.1.7", .integer(7)),
            VarBind(SNMPNotification.snmpTrapAddressOID, .ipAddress(IPv4Address(10, 0, 0, 1))),
            VarBind(SNMPNotification.snmpTrapCommunityOID, .octetString("public")),
            VarBind(SNMPNotification.snmpTrapEnterpriseOID, .objectIdentifier("1.3.6.1.4.1.9")),
        ])
    }

    @Test func specificV1TrapBecomesEnterpriseZeroSpecific() {
        let trap = TrapV1PDU(enterprise: "1.3.6.1.4.1.8072.9999", agentAddress: IPv4Address(127, 0, 0, 1),
                             genericTrap: .enterpriseSpecific, specificTrap: 17, timeStamp: 1)
        let notification = NotificationTranslation.notification(from: trap)
        #expect(notification.trapOID == "1.3.6.1.4.1.8072.9999.0.17")
        #expect(notification.allVarBinds.first == VarBind(SNMPNotification.sysUpTimeOID, .timeTicks(1)))
        #expect(notification.allVarBinds[1] == VarBind(SNMPNotification.snmpTrapOIDOID, .objectIdentifier("1.3.6.1.4.1.8072.9999.0.17")))
    }

    @Test func standardNotificationBecomesGenericTrap() {
        let notification = SNMPNotification(.authenticationFailure, upTime: 9, varBinds: [
            VarBind(SNMPNotification.snmpTrapEnterpriseOID, .objectIdentifier("1.3.6.1.4.1.8072")),
            VarBind("1.3.6.1.2.1.1.5.0", .octetString("host")),
            VarBind("1.3.6.1.2.1.31.1.1.1.6.1", .counter64(5)),
        ])
        let trap = NotificationTranslation.trapV1(from: notification, defaultAgentAddress: IPv4Address(192, 0, 2, 1))
        #expect(trap.genericTrap == .authenticationFailure)
        #expect(trap.specificTrap == 0)
        #expect(trap.enterprise == "1.3.6.1.4.1.8072")
        #expect(trap.agentAddress == IPv4Address(192, 0, 2, 1))
        #expect(trap.timeStamp == 9)
        // §3.2: Counter64 cannot travel in SNMPv1; snmpTrapEnterprise.0 is consumed.
        #expect(trap.varBinds == [VarBind("1.3.6.1.2.1.1.5.0", .octetString("host"))])
    }

    @Test func standardNotificationWithoutEnterpriseUsesSnmpTraps() {
        let trap = NotificationTranslation.trapV1(from: SNMPNotification(.coldStart, upTime: 0))
        #expect(trap.enterprise == SNMPNotification.snmpTrapsOID)
        #expect(trap.genericTrap == .coldStart)
    }

    @Test(arguments: [
        // (snmpTrapOID, enterprise, specific): §3.2 (2), with and without the ".0" before the last arc.
        ("1.3.6.1.4.1.8072.9999.0.17", "1.3.6.1.4.1.8072.9999", 17),
        ("1.3.6.1.4.1.8072.9999.5", "1.3.6.1.4.1.8072.9999", 5),
    ])
    func enterpriseNotificationBecomesSpecificTrap(_ oid: String, _ enterprise: String, _ specific: Int32) throws {
        let trapOID = try #require(ObjectIdentifier(oid))
        let trap = NotificationTranslation.trapV1(from: SNMPNotification(trapOID, upTime: 3, varBinds: [
            VarBind(SNMPNotification.snmpTrapAddressOID, .ipAddress(IPv4Address(10, 9, 8, 7))),
        ]))
        #expect(trap.genericTrap == .enterpriseSpecific)
        #expect(trap.enterprise == ObjectIdentifier(enterprise))
        #expect(trap.specificTrap == specific)
        #expect(trap.agentAddress == IPv4Address(10, 9, 8, 7))
        #expect(trap.varBinds.isEmpty)
    }

    @Test func roundTripV1ThroughV2KeepsEveryField() {
        let trap = TrapV1PDU(enterprise: "1.3.6.1.4.1.8072.9999", agentAddress: IPv4Address(10, 0, 0, 2),
                             genericTrap: .enterpriseSpecific, specificTrap: 3, timeStamp: 77,
                             varBinds: [VarBind("1.3.6.1.4.1.8072.9999.2.1.0", .octetString("x"))])
        let back = NotificationTranslation.trapV1(from: NotificationTranslation.notification(from: trap))
        #expect(back == trap)
    }

    @Test func filterLongestMatchDecides() {
        let filter = NotificationFilter(included: ["1.3.6.1.6.3.1.1.5"], excluded: ["1.3.6.1.6.3.1.1.5.5"])
        #expect(filter.passes(.coldStart))
        #expect(!filter.passes(.authenticationFailure))
        #expect(!filter.passes("1.3.6.1.4.1.9.0.1"))
        #expect(NotificationFilter().passes("1.3.6.1.4.1.9.0.1"))
    }
}
