import Foundation
import SNMPSMI
import Testing

@testable import SNMPMIB

@Suite struct StoreTests {
    /// Vendor habits Net-SNMP accepts: underscores, trailing commas, missing IMPORTS, SMIv1 TRAP-TYPE,
    /// a file extension, a module header after comments.
    static let vendorMIB = """
        -- a vendor MIB with the usual mistakes
        VENDOR_X-MIB DEFINITIONS ::= BEGIN
        IMPORTS OBJECT-TYPE FROM RFC-1212
                TRAP-TYPE FROM RFC-1215;
        vendor_x OBJECT IDENTIFIER ::= { enterprises 4242 }
        vxStatus OBJECT-TYPE
            SYNTAX INTEGER { up(1), down(2), }
            ACCESS read-only
            STATUS mandatory
            DESCRIPTION "Status."
            ::= { vendor_x 1 }
        vxTable OBJECT-TYPE
            SYNTAX SEQUENCE OF VxEntry
            ACCESS not-accessible
            STATUS mandatory
            ::= { vendor_x 2 }
        vxEntry OBJECT-TYPE
            SYNTAX VxEntry
            ACCESS not-accessible
            STATUS mandatory
            INDEX { vxIndex, }
            ::= { vxTable 1 }
        VxEntry ::= SEQUENCE { vxIndex INTEGER, vxName OCTET STRING (SIZE (0..32)), }
        vxIndex OBJECT-TYPE SYNTAX Integer32 (1..10) ACCESS read-only STATUS mandatory ::= { vxEntry 1 }
        vxName OBJECT-TYPE SYNTAX OCTET STRING (SIZE (0..32)) ACCESS read-write STATUS mandatory ::= { vxEntry 2 }
        vxDown TRAP-TYPE
            ENTERPRISE vendor_x
            VARIABLES { vxStatus }
            DESCRIPTION "Went down."
            ::= 3
        END
        """

    @Test func vendorQuirksAreTolerated() throws {
        let directory = try TemporaryMIBDirectory(files: ["SNMPv2-SMI": miniSMI, "vendor.my": Self.vendorMIB])
        let store = MIBStore(searchPath: [directory.path], cacheDirectory: nil)
        try store.load("VENDOR_X-MIB")
        #expect(store.errors.isEmpty, "\(store.errors)")
        let tree = store.tree
        #expect(try tree.oid(for: "VENDOR_X-MIB::vxStatus.0").description == "1.3.6.1.4.1.4242.1.0")
        #expect(tree.node(named: "vxStatus")?.syntax?.enumValues.map(\.name) == ["up", "down"])
        #expect(tree.node(named: "vxName")?.kind == .column)
        #expect(tree.node(named: "vxIndex")?.syntax?.baseType == .integer32)
        #expect(tree.node(named: "vxEntry")?.index == [MIBIndexPart(name: "vxIndex", implied: false)])
        // RFC 2576 §3.1: an SMIv1 trap is enterprise.0.specific.
        let trap = try #require(tree.node(named: "vxDown"))
        #expect(trap.kind == .trap && trap.oid.description == "1.3.6.1.4.1.4242.0.3" && trap.objects == ["vxStatus"])
        #expect(tree.module(named: "VENDOR_X-MIB")?.isSMIv2 == false)
    }

    @Test func cachedIndexGivesTheSameResult() throws {
        let mibs = try TemporaryMIBDirectory(files: ["SNMPv2-SMI": miniSMI, "vendor.my": Self.vendorMIB])
        let cache = try TemporaryMIBDirectory(files: [:])
        let cold = MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path)
        #expect(cold.loadAll().isEmpty)
        let cacheFiles = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(cacheFiles.filter { $0.hasPrefix("mib-index-") }.count == 1)

        let warm = MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path)
        #expect(warm.loadAll().isEmpty)
        #expect(warm.tree.nodes == cold.tree.nodes)
        #expect(warm.availableModules() == ["SNMPv2-SMI", "VENDOR_X-MIB"])

        // A changed file (new size) is re-read; the stale cache entry is not trusted.
        try mibs.write("vendor.my", Self.vendorMIB.replacingOccurrences(of: "VENDOR_X-MIB", with: "VENDOR-Y-MIB"))
        let changed = MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path)
        #expect(changed.availableModules() == ["SNMPv2-SMI", "VENDOR-Y-MIB"])
    }

    @Test
    func cachedCorpusLoadMatchesColdLoad() throws {
        let cache = try TemporaryMIBDirectory(files: [:])
        let cold = MIBStore(searchPath: [Corpus.directory], cacheDirectory: cache.path)
        cold.loadAll()
        let warm = MIBStore(searchPath: [Corpus.directory], cacheDirectory: cache.path)
        warm.loadAll()
        #expect(warm.tree.nodes == cold.tree.nodes)
        #expect(warm.tree.modules == cold.tree.modules)
    }

    @Test func firstDirectoryInTheSearchPathWins() throws {
        let first = try TemporaryMIBDirectory(files: [
            "SNMPv2-SMI": miniSMI, "E-MIB": "E-MIB DEFINITIONS ::= BEGIN\ne OBJECT IDENTIFIER ::= { enterprises 1 }\nEND\n",
        ])
        let second = try TemporaryMIBDirectory(files: [
            "E-MIB": "E-MIB DEFINITIONS ::= BEGIN\ne OBJECT IDENTIFIER ::= { enterprises 2 }\nEND\n"
        ])
        let store = MIBStore(searchPath: [first.path, second.path], cacheDirectory: nil)
        try store.load("E-MIB")
        #expect(try store.tree.oid(for: "E-MIB::e").description == "1.3.6.1.4.1.1")
    }

    @Test(arguments: [
        (nil, nil, ["/h/.snmp/mibs", "/usr/share/snmp/mibs", "/usr/share/snmp/mibs/iana", "/usr/share/snmp/mibs/ietf"]),
        ("/m1:/m2", nil, ["/m1", "/m2"]),
        ("+/m1", "/e1", ["/m1", "/e1"]),
        (nil, "+~/mine", ["/h/mine", "/h/.snmp/mibs", "/usr/share/snmp/mibs", "/usr/share/snmp/mibs/iana", "/usr/share/snmp/mibs/ietf"]),
    ] as [(String?, String?, [String])])
    func searchPathFollowsNetSNMP(option: String?, mibdirs: String?, expected: [String]) {
        var environment = ["HOME": "/h"]
        environment["MIBDIRS"] = mibdirs
        #expect(MIBSearchPath.directories(option: option, environment: environment, includingBundled: false) == expected)
        // The bundled modules come last, after everything Net-SNMP searches.
        #expect(MIBSearchPath.directories(option: option, environment: environment)
            == expected + [BundledMIBs.directory].compactMap { $0 })
        #expect(MIBSearchPath.defaultCacheDirectory(environment: ["HOME": "/h"]) == "/h/.cache/swift-snmp")
    }

    @Test
    func readersSeeConsistentSnapshotsWhileModulesLoad() async throws {
        let store = MIBStore(searchPath: [Corpus.directory], cacheDirectory: nil)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try store.load("IF-MIB") }
            group.addTask { try store.load("HOST-RESOURCES-MIB") }
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<200 {
                        let tree = store.tree
                        if let oid = try? tree.oid(for: "ifDescr") { #expect(oid.description == "1.3.6.1.2.1.2.2.1.2") }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try store.tree.oid(for: "hrMemorySize.0").description == "1.3.6.1.2.1.25.2.2.0")
    }
}
