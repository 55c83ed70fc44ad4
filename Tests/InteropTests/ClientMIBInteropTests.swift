import Foundation
import SNMP
import SNMPMIB
import Testing

/// The high-level client taking names (`"IF-MIB::ifDescr.1"`, `("IF-MIB", "ifDescr", 1)`) and fetching whole
/// tables by name from a real snmpd, with the IETF MIB corpus as its MIB store.
@Suite(.snmpd, .enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct ClientMIBInteropTests {
    static let store: MIBStore = {
        let store = MIBStore(searchPath: [MIBInteropTests.mibDirectory], cacheDirectory: nil)
        store.load(modules: ["SNMPv2-MIB", "IF-MIB", "SNMP-VIEW-BASED-ACM-MIB"])
        return store
    }()

    static func client() async throws -> SNMPClient {
        var configuration = SNMPClient.Configuration(timeout: .seconds(2), retries: 1)
        configuration.mibStore = store
        return try await SNMPClient(host: "127.0.0.1", port: Int(try currentAgent().port),
                                    version: .v2c(community: "public"), configuration: configuration)
    }

    @Test func namesWorkWhereOIDsDo() async throws {
        let client = try await Self.client()
        defer { Task { await client.shutdown() } }
        let byName = try await client.get("IF-MIB::ifDescr.1")
        let byParts = try await client.get("IF-MIB", "ifDescr", 1)
        let byNumber = try await client.get(ObjectIdentifier([1, 3, 6, 1, 2, 1, 2, 2, 1, 2, 1]))
        #expect(byName == byNumber && byParts == byNumber)
        #expect(client.describe(byName) == "IF-MIB::ifDescr.1 = STRING: lo")
        let descr = try await client.get("sysDescr.0")
        #expect(descr.oid == [1, 3, 6, 1, 2, 1, 1, 1, 0])
        let error = await #expect(throws: SNMPError.self) { try await client.get("nosuchObject.0") }
        #expect(error?.code == .invalidArgument)
        #expect(error?.reason == "nosuchObject.0: Unknown Object Identifier (Sub-id not found: (top) -> nosuchObject)")
        var walked: [VarBind] = []
        for try await varBind in client.bulkWalk("SNMPv2-MIB::system") { walked.append(varBind) }
        #expect(walked.first?.oid == [1, 3, 6, 1, 2, 1, 1, 1, 0])
        var iterator = client.walk("NOSUCH-MIB::thing").makeAsyncIterator()
        await #expect(throws: SNMPError.self) { _ = try await iterator.next() }
    }

    @Test func tableRowsAreKeyedByDecodedIndex() async throws {
        let client = try await Self.client()
        defer { Task { await client.shutdown() } }
        let interfaces = try await client.table("IF-MIB::ifTable")
        #expect(interfaces.name == "IF-MIB::ifTable")
        #expect(interfaces.columns.prefix(3) == ["ifIndex", "ifDescr", "ifType"])
        let lo = try #require(interfaces.row(index: "1"))
        #expect(lo.index == [.integer(1, label: nil)])
        #expect(lo["ifDescr"] == .octetString("lo"))
        #expect(lo["ifType"] == .integer(24))
        let groups = try await client.table("SNMP-VIEW-BASED-ACM-MIB::vacmSecurityToGroupTable")
        let comm1 = try #require(groups.rows.first { $0.indexText == "1.\"comm1\"" })
        #expect(comm1.index == [.integer(1, label: nil), .octets(Array("comm1".utf8))])
        let notATable = await #expect(throws: SNMPError.self) { try await client.table("IF-MIB::ifDescr") }
        #expect(notATable?.reason == "Was that a table? IF-MIB::ifDescr")
    }
}
