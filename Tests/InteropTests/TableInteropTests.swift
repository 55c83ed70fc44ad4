import Foundation
import SNMP
import SNMPMIB
import Testing

/// `client.table(...)`: tables sharing an index fetched in one pass from a real snmpd, rows keyed by
/// decoded INDEX, and the pass ending cleanly (with a typed warning) when the agent misbehaves.
@Suite(.snmpd, .enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct TableInteropTests {
    static let ifDescr: ObjectIdentifier = "1.3.6.1.2.1.2.2.1.2"

    static func client(port: Int? = nil, _ version: SNMPClient.Version = .v2c(community: "public")) async throws -> SNMPClient {
        var configuration = SNMPClient.Configuration(timeout: .seconds(1), retries: 1)
        configuration.mibStore = ClientMIBInteropTests.store
        let port = try port ?? Int(currentAgent().port)
        return try await SNMPClient(host: "127.0.0.1", port: port, version: version, configuration: configuration)
    }

    /// The interfaces snmpd has, by ifDescr, from Net-SNMP's snmpwalk.
    static func interfaces() async throws -> [String] {
        try await HealingInteropTests.snmpdHolds(".1.3.6.1.2.1.2.2.1.2")
    }

    @Test func ifTableAndIfXTableInOnePass() async throws {
        let expected = try await Self.interfaces()
        let client = try await Self.client()
        defer { Task { await client.shutdown() } }
        let table = try await client.table(["IF-MIB::ifTable", "IF-MIB::ifXTable"])
        #expect(table.name == "IF-MIB::ifTable + IF-MIB::ifXTable")
        #expect(table.rows.count == expected.count)
        #expect(table.warnings.isEmpty)
        #expect(table.columns.contains("ifDescr") && table.columns.contains("ifHCInOctets"))
        let lo = try #require(table[index: [.integer(1, label: nil)]])
        #expect(lo["ifDescr"] == .octetString("lo"))
        #expect(lo["ifName"] == .octetString("lo"))
        // Every object snmpd holds in both tables is a cell, and nothing else is (missing cells are nil).
        let held = try await HealingInteropTests.snmpdHolds(".1.3.6.1.2.1.2.2").count
            + HealingInteropTests.snmpdHolds(".1.3.6.1.2.1.31.1.1").count
        #expect(table.rows.map(\.values.count).reduce(0, +) == held)
        let separately = try await client.table("IF-MIB::ifTable").requests + client.table("IF-MIB::ifXTable").requests
        print("[healing] ifTable + ifXTable: \(table.rows.count) rows in \(table.requests) requests (\(separately) as two tables)")
    }

    @Test func tooBigAgentGivesTheSameRows() async throws {
        let direct = try await Self.client()
        defer { Task { await direct.shutdown() } }
        let proxy = try await FaultProxy(agentPort: Int(try currentAgent().port), faults: .init(tooBigAbove: 30))
        defer { Task { await proxy.close() } }
        let healed = try await Self.client(port: proxy.port)
        defer { Task { await healed.shutdown() } }
        let reference = try await direct.table("IF-MIB::ifTable")
        let table = try await healed.table("IF-MIB::ifTable")
        #expect(table.rows.map(\.indexText) == reference.rows.map(\.indexText))
        #expect(table.rows.map { $0["ifDescr"] } == reference.rows.map { $0["ifDescr"] })
        #expect(table.warnings.contains { if case .maxRepetitionsReduced(_, _, .tooBig) = $0 { true } else { false } })
    }

    @Test func v1NoSuchNameMidTableEndsThatColumnOnly() async throws {
        let expected = try await Self.interfaces()
        try #require(expected.count > 1, "snmpd has a single interface; a mid-table fault needs two")
        let proxy = try await FaultProxy(agentPort: Int(try currentAgent().port),
                                         faults: .init(noSuchNameAfter: Self.ifDescr.appending(UInt32(1))))
        defer { Task { await proxy.close() } }
        let client = try await Self.client(port: proxy.port, .v1(community: "public"))
        defer { Task { await client.shutdown() } }
        let table = try await client.table("IF-MIB::ifTable")
        #expect(table.warnings == [.noSuchName(after: Self.ifDescr.appending(UInt32(1)))])
        #expect(table.rows.count == expected.count)
        #expect(table.rows.first?["ifDescr"] == .octetString("lo"))
        #expect(table.rows.dropFirst().allSatisfy { $0["ifDescr"] == nil && $0["ifType"] != nil })
    }

    @Test func agentRestartEndsThePassWithWhatCameBefore() async throws {
        let expected = try await Self.interfaces()
        let proxy = try await FaultProxy(agentPort: Int(try currentAgent().port), faults: .init(restartAtResponse: 2))
        defer { Task { await proxy.close() } }
        var configuration = SNMPClient.Configuration(timeout: .seconds(1), retries: 1)
        configuration.mibStore = ClientMIBInteropTests.store
        configuration.maxRepetitions = 1
        let client = try await SNMPClient(host: "127.0.0.1", port: proxy.port, version: .v2c(community: "public"),
                                          configuration: configuration)
        defer { Task { await client.shutdown() } }
        let table = try await client.table("IF-MIB::ifTable")
        #expect(table.warnings == [.agentRestarted])
        #expect(table.requests == 2)
        #expect(table.rows.count == 1 && table.rows.count <= expected.count)
    }
}
