import Testing
import SNMP

/// Values given as text and typed by the MIB (snmpset's `=`), and notifications by NOTIFICATION-TYPE name,
/// with the bundled MIB modules.
@Suite struct HighLevelMIBValueTests {
    static func client() async throws -> SNMPClient {
        // No request is sent: only the client's MIB store is used.
        try await SNMPClient(agent: "udp:127.0.0.1:9", version: .v2c(community: "public"))
    }

    @Test func textIsTypedByTheObjectsSyntax() async throws {
        let client = try await Self.client()
        defer { Task { await client.shutdown() } }
        func value(_ text: String, _ name: String) throws -> SNMPValue {
            try client.value(text, for: client.oid(for: name))
        }
        #expect(try value("rack 12", "SNMPv2-MIB::sysLocation.0") == .octetString("rack 12"))
        #expect(try value("2", "IF-MIB::ifAdminStatus.1") == .integer(2))
        #expect(try value("down", "IF-MIB::ifAdminStatus.1") == .integer(2))        // RFC 2578 §7.1.1 label
        #expect(try value("testing(3)", "IF-MIB::ifAdminStatus.1") == .integer(3))  // as Net-SNMP prints it
        #expect(try value("1500", "IF-MIB::ifMtu.1") == .integer(1500))
        #expect(try value("100000000", "IF-MIB::ifSpeed.1") == .gauge32(100_000_000))
        #expect(try value("192.0.2.1", "IP-MIB::ipAdEntAddr.192.0.2.1") == .ipAddress(IPv4Address(192, 0, 2, 1)))
        #expect(try value("SNMPv2-MIB::system", "SNMPv2-MIB::sysObjectID.0") == .objectIdentifier("1.3.6.1.2.1.1"))
    }

    @Test func badTextAndUnknownObjectsAreInvalidArguments() async throws {
        let client = try await Self.client()
        defer { Task { await client.shutdown() } }
        #expect(throws: SNMPError.self) { try client.value("fast", for: client.oid(for: "IF-MIB::ifSpeed.1")) }
        #expect(throws: SNMPError.self) { try client.value("nosuchlabel", for: client.oid(for: "IF-MIB::ifAdminStatus.1")) }
        #expect(throws: SNMPError.self) { try client.value("99999999999", for: client.oid(for: "IF-MIB::ifMtu.1")) }
        #expect(throws: SNMPError.self) { try client.value("1", for: "1.3.6.1.4.1.32473.99.1") }
        #expect(throws: SNMPError.self) { try client.value("1", for: client.oid(for: "IF-MIB::ifTable")) }
        do {
            _ = try client.value("fast", for: client.oid(for: "IF-MIB::ifSpeed.1"))
        } catch {
            #expect(error.code == .invalidArgument)
        }
    }

    @Test func notificationByNameLaysOutItsObjects() async throws {
        let notifier = try await SNMPNotifier(agent: "udp:127.0.0.1:9", version: .v2c(community: "public"))
        defer { Task { await notifier.shutdown() } }
        let linkUp = try notifier.notification("IF-MIB::linkUp", instance: [3], values: [
            "ifIndex": .integer(3), "ifAdminStatus": .integer(1), "ifOperStatus": .integer(2),
        ], extra: [VarBind("1.3.6.1.2.1.1.5.0", .octetString("gw"))], upTime: 42)
        #expect(linkUp.trapOID == .linkUp)
        #expect(linkUp.upTime == 42)
        #expect(linkUp.varBinds == [
            VarBind("1.3.6.1.2.1.2.2.1.1.3", .integer(3)),
            VarBind("1.3.6.1.2.1.2.2.1.7.3", .integer(1)),
            VarBind("1.3.6.1.2.1.2.2.1.8.3", .integer(2)),
            VarBind("1.3.6.1.2.1.1.5.0", .octetString("gw")),
        ])
        #expect(try notifier.notification("SNMPv2-MIB::coldStart").varBinds.isEmpty)
    }

    @Test func scalarObjectsOfANotificationAreTheirInstanceZero() async throws {
        let notifier = try await SNMPNotifier(agent: "udp:127.0.0.1:9", version: .v2c(community: "public"))
        defer { Task { await notifier.shutdown() } }
        let fired = try notifier.notification("DISMAN-EVENT-MIB::mteTriggerFired", values: [
            "mteHotTrigger": .octetString("t"), "mteHotTargetName": .octetString(""),
            "mteHotContextName": .octetString(""), "mteHotOID": .objectIdentifier("1.3.6.1.2.1.1.3.0"),
            "mteHotValue": .integer(1),
        ])
        #expect(fired.varBinds.map(\.oid) == [
            "1.3.6.1.2.1.88.2.1.1.0", "1.3.6.1.2.1.88.2.1.2.0", "1.3.6.1.2.1.88.2.1.3.0",
            "1.3.6.1.2.1.88.2.1.4.0", "1.3.6.1.2.1.88.2.1.5.0",
        ])
    }

    @Test func notificationByNameNeedsEveryObjectAndAKnownName() async throws {
        let notifier = try await SNMPNotifier(agent: "udp:127.0.0.1:9", version: .v2c(community: "public"))
        defer { Task { await notifier.shutdown() } }
        #expect(throws: SNMPError.self) {
            try notifier.notification("IF-MIB::linkUp", instance: [3], values: ["ifIndex": .integer(3)])
        }
        #expect(throws: SNMPError.self) { try notifier.notification("IF-MIB::noSuchNotification") }
    }
}
