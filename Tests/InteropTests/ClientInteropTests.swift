import Foundation
import Testing
import SNMP

/// The high-level client against a real Net-SNMP snmpd (fixture users and values: Fixtures/README in
/// the interop docs: `public` read-only, `private` read-write, typed scalars under .1.3.6.1.4.1.8072.9999.1).
@Suite(.snmpd, .enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct ClientInteropTests {
    static let sysDescr: ObjectIdentifier = "1.3.6.1.2.1.1.1.0"
    static let playInteger: ObjectIdentifier = "1.3.6.1.4.1.8072.9999.1.1.0"
    static let playString: ObjectIdentifier = "1.3.6.1.4.1.8072.9999.1.2.0"

    static func client(_ version: SNMPClient.Version, ipv6: Bool = false) async throws -> SNMPClient {
        let agent = try currentAgent()
        return try await SNMPClient(host: ipv6 ? "::1" : "127.0.0.1", port: Int(agent.port), version: version,
                                    configuration: .init(timeout: .seconds(2), retries: 1))
    }

    static let versions: [(String, SNMPClient.Version, Bool)] = [
        ("v1/udp", .v1(community: "private"), false), ("v2c/udp", .v2c(community: "private"), false),
        ("v1/udp6", .v1(community: "private"), true), ("v2c/udp6", .v2c(community: "private"), true),
    ]

    @Test(arguments: 0..<4)
    func getGetNextAndSet(_ index: Int) async throws {
        let (_, version, ipv6) = Self.versions[index]
        if ipv6 && !FileManager.default.fileExists(atPath: "/proc/net/if_inet6") { return }
        let client = try await Self.client(version, ipv6: ipv6)
        defer { Task { await client.shutdown() } }

        let descr = try await client.get(Self.sysDescr)
        #expect(descr == VarBind(Self.sysDescr, .octetString("Net-SNMP interop test agent")))

        let next = try await client.getNext("1.3.6.1.2.1.1.1")
        #expect(next.oid == Self.sysDescr)

        let values = try await client.get([Self.playInteger, "1.3.6.1.4.1.8072.9999.1.3.0", "1.3.6.1.4.1.8072.9999.1.4.0",
                                           "1.3.6.1.4.1.8072.9999.1.5.0", "1.3.6.1.4.1.8072.9999.1.6.0"])
        #expect(values.map(\.value) == [.integer(42), .counter32(123456), .gauge32(4_294_967_295), .timeTicks(100),
                                        .objectIdentifier("1.3.6.1.4.1.8072.3.2.10")])

        let marker = "set-\(index)-\(UInt32.random(in: 0...UInt32.max))"
        try await client.set(Self.playString, to: .octetString(OctetString(marker)))
        #expect(try await client.get(Self.playString).value == .octetString(OctetString(marker)))
    }

    @Test func getBulkReturnsInterleavedRepetitions() async throws {
        let client = try await Self.client(.v2c(community: "public"))
        defer { Task { await client.shutdown() } }
        let varBinds = try await client.getBulk(["1.3.6.1.2.1.1.1", "1.3.6.1.2.1.1.2"], nonRepeaters: 1, maxRepetitions: 3)
        #expect(varBinds.count == 4)
        #expect(varBinds.first?.oid == Self.sysDescr)
        #expect(varBinds.dropFirst().map(\.oid) == ["1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.4.0"])
    }

    @Test func missingObjectsAreExceptionsInV2cAndErrorsInV1() async throws {
        let v2 = try await Self.client(.v2c(community: "public"))
        defer { Task { await v2.shutdown() } }
        #expect(try await v2.get("1.3.6.1.2.1.1.99.0").value == .noSuchObject)
        #expect(try await v2.get("1.3.6.1.2.1.1.1.5").value == .noSuchInstance)

        let v1 = try await Self.client(.v1(community: "public"))
        defer { Task { await v1.shutdown() } }
        await #expect(throws: SNMPError(.errorStatus, errorStatus: .noSuchName, errorIndex: 1)) {
            _ = try await v1.get("1.3.6.1.2.1.1.99.0")
        }
    }

    @Test func setOnReadOnlyCommunityIsRefused() async throws {
        let client = try await Self.client(.v2c(community: "public"))
        defer { Task { await client.shutdown() } }
        await #expect(throws: SNMPError(.errorStatus, errorStatus: .noAccess, errorIndex: 1)) {
            try await client.set(Self.playInteger, to: .integer(7))
        }
    }

    @Test func walksMatchBetweenGetNextAndGetBulk() async throws {
        let client = try await Self.client(.v2c(community: "public"))
        defer { Task { await client.shutdown() } }
        var walked: [ObjectIdentifier] = []
        for try await varBind in client.walk("1.3.6.1.2.1.1") { walked.append(varBind.oid) }
        var bulked: [ObjectIdentifier] = []
        for try await varBind in client.bulkWalk("1.3.6.1.2.1.1", maxRepetitions: 7) { bulked.append(varBind.oid) }
        #expect(walked.count > 8)
        #expect(walked == bulked)
        #expect(walked == walked.sorted())
        #expect(walked.allSatisfy { ObjectIdentifier("1.3.6.1.2.1.1").isPrefix(of: $0) })
    }

    @Test func bulkWalkOverV1IsRejected() async throws {
        let client = try await Self.client(.v1(community: "public"))
        defer { Task { await client.shutdown() } }
        await #expect(throws: SNMPError(.unsupportedPDU)) {
            for try await _ in client.bulkWalk("1.3.6.1.2.1.1") {}
        }
    }

    @Test func manyConcurrentRequestsOnOneClient() async throws {
        let client = try await Self.client(.v2c(community: "public"))
        defer { Task { await client.shutdown() } }
        let results = try await withThrowingTaskGroup(of: VarBind.self) { group in
            for _ in 0..<200 { group.addTask { try await client.get(Self.sysDescr) } }
            var all: [VarBind] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0.value == .octetString("Net-SNMP interop test agent") })
    }
}
