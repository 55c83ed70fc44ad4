import Foundation
import Testing
import NIOCore
import SNMP

/// Our notification originator received by Net-SNMP's snmptrapd, and Net-SNMP's snmptrap/snmpinform
/// received by our receiver.
@Suite(.snmptrapd, .enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct NotificationInteropTests {
    static let markerOID: ObjectIdentifier = "1.3.6.1.4.1.8072.9999.2.1.0"

    static func target(_ version: SNMPVersion) throws -> SNMPTarget {
        let receiver = try currentReceiver()
        return try SNMPTarget(agent: "udp:127.0.0.1:\(receiver.port)", security: .community(version, "public"),
                              timeout: .seconds(1), retries: 2)
    }

    static func marker() -> String { "m\(UInt32.random(in: 0...UInt32.max))" }

    @Test func v2cTrapArrivesWithEveryVarBind() async throws {
        let engine = try await SNMPEngine.start()
        defer { Task { await engine.shutdown() } }
        let marker = Self.marker()
        let notification = SNMPNotification(.linkDown, upTime: 4242, varBinds: [
            VarBind("1.3.6.1.2.1.2.2.1.1.3", .integer(3)),
            VarBind(Self.markerOID, .octetString(OctetString(marker))),
            VarBind("1.3.6.1.4.1.8072.9999.2.2.0", .counter64(18_446_744_073_709_551_615)),
            VarBind("1.3.6.1.4.1.8072.9999.2.3.0", .ipAddress(IPv4Address(10, 1, 2, 3))),
        ])
        try engine.notificationOriginator.sendTrap(notification, to: try Self.target(.v2c))
        let line = try #require(try await currentReceiver().waitForNotification(containing: marker))
        #expect(line.contains("TRAP2, SNMP v2c, community public"))
        #expect(line.contains(".1.3.6.1.2.1.1.3.0 = Timeticks: (4242) 0:00:42.42"))
        #expect(line.contains(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.3"))
        #expect(line.contains(".1.3.6.1.2.1.2.2.1.1.3 = INTEGER: 3"))
        #expect(line.contains(".1.3.6.1.4.1.8072.9999.2.2.0 = Counter64: 18446744073709551615"))
        #expect(line.contains(".1.3.6.1.4.1.8072.9999.2.3.0 = IpAddress: 10.1.2.3"))
    }

    @Test func v1TrapArrivesWithItsFields() async throws {
        let engine = try await SNMPEngine.start()
        defer { Task { await engine.shutdown() } }
        let marker = Self.marker()
        let trap = TrapV1PDU(enterprise: "1.3.6.1.4.1.8072.9999", agentAddress: IPv4Address(192, 0, 2, 7),
                             genericTrap: .enterpriseSpecific, specificTrap: 17, timeStamp: 99,
                             varBinds: [VarBind(Self.markerOID, .octetString(OctetString(marker)))])
        try engine.notificationOriginator.sendTrap(trap, to: try Self.target(.v1))
        let line = try #require(try await currentReceiver().waitForNotification(containing: marker))
        #expect(line.contains("TRAP, SNMP v1, community public"))
        #expect(line.contains("enterprise=.1.3.6.1.4.1.8072.9999"))
        #expect(line.contains("agent=192.0.2.7"))
        #expect(line.contains("generic=6"))
        #expect(line.contains("specific=.17"))
        #expect(line.contains("uptime=99"))
    }

    @Test func v2cInformIsAcknowledged() async throws {
        let engine = try await SNMPEngine.start()
        defer { Task { await engine.shutdown() } }
        let marker = Self.marker()
        let notification = SNMPNotification(.coldStart, upTime: 1,
                                            varBinds: [VarBind(Self.markerOID, .octetString(OctetString(marker)))])
        let response = try await engine.notificationOriginator.sendInform(notification, to: try Self.target(.v2c))
        #expect(response.varBinds == notification.allVarBinds)
        let line = try #require(try await currentReceiver().waitForNotification(containing: marker))
        #expect(line.contains("INFORM, SNMP v2c, community public"))
    }

    @Test func informToSilentReceiverTimesOut() async throws {
        let engine = try await SNMPEngine.start()
        defer { Task { await engine.shutdown() } }
        let target = try SNMPTarget(agent: "udp:127.0.0.1:9", security: .community(.v2c, "public"),
                                    timeout: .milliseconds(50), retries: 2)
        await #expect(throws: SNMPError(.timeout)) {
            try await engine.notificationOriginator.sendInform(SNMPNotification(.coldStart, upTime: 0), to: target)
        }
        #expect(try await engine.dispatcher.statistics().get().retransmissions == 2)
    }

    @Test func netSNMPTrapsAndInformsReachOurReceiver() async throws {
        let engine = try await SNMPEngine.start(listeningOn: [try SocketAddress(ipAddress: "127.0.0.1", port: 0)])
        defer { Task { await engine.shutdown() } }
        let received = ReceivedBox()
        let receiver = NotificationReceiver(dispatcher: engine.dispatcher, communities: ["public"]) { received.append($0) }
        receiver.start()
        let port = try #require(try await engine.dispatcher.localAddresses().get().first?.port)
        let agent = "udp:127.0.0.1:\(port)"
        let env = ["MIBS": "", "SNMPCONFPATH": "/nonexistent"]

        let v2 = try await ToolResult.run(URL(fileURLWithPath: "/usr/bin/snmptrap"),
                                    ["-v2c", "-c", "public", agent, "123", "1.3.6.1.6.3.1.1.5.4",
                                     "1.3.6.1.2.1.2.2.1.1.2", "i", "2", "1.3.6.1.4.1.8072.9999.2.1.0", "s", "v2 marker"],
                                    environment: env)
        #expect(v2.status == 0)
        let v1 = try await ToolResult.run(URL(fileURLWithPath: "/usr/bin/snmptrap"),
                                    ["-v1", "-c", "public", agent, "1.3.6.1.4.1.8072.9999", "192.0.2.9", "6", "42", "77",
                                     "1.3.6.1.4.1.8072.9999.2.1.0", "s", "v1 marker"], environment: env)
        #expect(v1.status == 0)
        let inform = try await ToolResult.run(URL(fileURLWithPath: "/usr/bin/snmpinform"),
                                        ["-v2c", "-c", "public", "-t", "1", "-r", "1", agent, "", "1.3.6.1.6.3.1.1.5.1",
                                         "1.3.6.1.4.1.8072.9999.2.1.0", "s", "inform marker"], environment: env)
        #expect(inform.status == 0, "snmpinform: \(inform.stderr)")
        let wrongCommunity = try await ToolResult.run(URL(fileURLWithPath: "/usr/bin/snmptrap"),
                                                ["-v2c", "-c", "wrong", agent, "1", "1.3.6.1.6.3.1.1.5.1"], environment: env)
        #expect(wrongCommunity.status == 0)

        try await received.wait(count: 3)
        try await Task.sleep(for: .milliseconds(200))
        let all = received.all
        #expect(all.count == 3)

        let v2Trap = try #require(all.first { $0.pdu.type == .trapV2 })
        let v2Notification = try #require(v2Trap.notification)
        #expect(v2Notification.upTime == 123)
        #expect(v2Notification.trapOID == .linkUp)
        #expect(v2Notification.varBinds == [VarBind("1.3.6.1.2.1.2.2.1.1.2", .integer(2)),
                                            VarBind("1.3.6.1.4.1.8072.9999.2.1.0", .octetString("v2 marker"))])
        #expect(v2Trap.securityName == "public")

        let v1Trap = try #require(all.first { $0.pdu.type == .trapV1 }?.trapV1)
        #expect(v1Trap.enterprise == "1.3.6.1.4.1.8072.9999")
        #expect(v1Trap.agentAddress == IPv4Address(192, 0, 2, 9))
        #expect(v1Trap.genericTrap == .enterpriseSpecific)
        #expect(v1Trap.specificTrap == 42)
        #expect(v1Trap.timeStamp == 77)

        let informed = try #require(all.first { $0.isInform })
        #expect(informed.notification?.trapOID == .coldStart)
    }
}

final class ReceivedBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [ReceivedNotification] = []
    func append(_ item: ReceivedNotification) { lock.lock(); items.append(item); lock.unlock() }
    var all: [ReceivedNotification] { lock.lock(); defer { lock.unlock() }; return items }
    func wait(count: Int, timeout: Duration = .seconds(5)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while all.count < count && clock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
    }
}
