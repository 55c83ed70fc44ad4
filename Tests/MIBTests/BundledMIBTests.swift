import Foundation
import SNMPSMI
import Testing

@testable import SNMPMIB

/// The standard modules that ship with the package: found without the MIB folders of the machine, last in
/// every search path, and enough for names to work on a machine with no MIB files.
@Suite
struct BundledMIBTests {
    @Test func bundledDirectoryHoldsTheStandardModules() throws {
        let directory = try #require(BundledMIBs.directory, "the bundled MIB folder was not found")
        let names = BundledMIBs.moduleNames
        #expect(names.count == Corpus.files.count)
        for module in ["SNMPv2-SMI", "SNMPv2-TC", "SNMPv2-MIB", "IF-MIB", "IP-MIB", "HOST-RESOURCES-MIB",
                       "IANAifType-MIB", "SNMP-FRAMEWORK-MIB", "SNMP-USER-BASED-SM-MIB", "RFC1213-MIB"] {
            #expect(names.contains(module), "\(module) is not bundled")
        }
        // The installed resource bundle (beside the test executable) is preferred to the source folder.
        #expect(directory.hasSuffix("swift-snmp_SNMPMIB.resources/mibs") || directory == BundledMIBs.sourceDirectory())
    }

    @Test func bundledDirectoryComesLastInEverySearchPath() throws {
        let bundled = try #require(BundledMIBs.directory)
        for option in [nil, "/m1:/m2", "+/m1"] {
            let directories = MIBSearchPath.directories(option: option, environment: ["HOME": "/h"])
            #expect(directories.last == bundled)
            #expect(directories.filter { $0 == bundled }.count == 1)
        }
        #expect(!MIBSearchPath.directories(environment: ["HOME": "/h"], includingBundled: false).contains(bundled))
    }

    @Test func namesResolveWithNoOtherMIBFolder() throws {
        // Only folders that do not exist, then the bundled one: what a machine without MIB files has.
        let store = MIBStore(searchPath: MIBSearchPath.directories(option: "/nonexistent", environment: [:]),
                             cacheDirectory: nil)
        #expect(try NetSNMPNameParser(store: store).oid(for: "SNMPv2-MIB::sysDescr.0", mode: .fromRootThenRandomAccess)
            == ObjectIdentifier([1, 3, 6, 1, 2, 1, 1, 1, 0]))
        try store.load("IF-MIB")
        #expect(store.tree.qualifiedName(for: ObjectIdentifier([1, 3, 6, 1, 2, 1, 2, 2, 1, 2, 1])) == "IF-MIB::ifDescr.1")
    }

    @Test func libraryDefaultsLoadTheStandardModulesWhereSnmpConfDisablesThem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snmpconf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Debian's /etc/snmp/snmp.conf.
        try Data("mibs :\n".utf8).write(to: folder.appendingPathComponent("snmp.conf"))
        let environment = ["SNMPCONFPATH": folder.path, "HOME": folder.path]
        #expect(NetSNMPMIBSettings.resolve(environment: environment).modules.isEmpty)
        #expect(NetSNMPMIBSettings.resolveForLibrary(environment: environment).modules == NetSNMPMIBSettings.defaultModules)
        var explicitNone = environment
        explicitNone["MIBS"] = ""
        #expect(NetSNMPMIBSettings.resolveForLibrary(environment: explicitNone).modules.isEmpty)
    }
}

/// A descriptor that several loaded modules define at different OIDs (NET-SNMP-TC and UCD-SNMP-MIB both
/// define `linux`, `ultrix`, …) resolves under `-IR` to the one Net-SNMP's `find_tree_node` finds: the OID
/// linked last. Observed with snmptranslate 5.9.3: `-m NET-SNMP-TC:UCD-SNMP-MIB -IR -On linux` prints
/// `.1.3.6.1.4.1.2021.250.10`, `-m UCD-SNMP-MIB:NET-SNMP-TC` and `-m ALL` print `.1.3.6.1.4.1.8072.3.2.10`.
@Suite
struct DuplicateDescriptorTests {
    static let descriptors = ["linux", "ultrix", "hpux10", "solaris", "win32", "unknown", "snmpCommunityGroup"]

    static func store(_ modules: [String]) -> MIBStore {
        let store = MIBStore(searchPath: [Corpus.directory], cacheDirectory: nil)
        if modules == ["ALL"] { store.loadAll() } else { store.load(modules: modules) }
        return store
    }

    @Test(arguments: [
        (["NET-SNMP-TC", "UCD-SNMP-MIB"], "1.3.6.1.4.1.2021.250.10"),
        (["UCD-SNMP-MIB", "NET-SNMP-TC"], "1.3.6.1.4.1.8072.3.2.10"),
        (["ALL"], "1.3.6.1.4.1.8072.3.2.10"),
    ])
    func randomAccessPicksTheOIDLinkedLast(modules: [String], expected: String) throws {
        let tree = Self.store(modules).tree
        #expect(try tree.oid(for: "linux", randomAccess: true).description == expected)
        #expect(tree.nodes(named: "linux").count == 2)
        // A module-qualified name is unaffected.
        #expect(try tree.oid(for: "UCD-SNMP-MIB::linux").description == "1.3.6.1.4.1.2021.250.10")
        #expect(try tree.oid(for: "NET-SNMP-TC::linux").description == "1.3.6.1.4.1.8072.3.2.10")
    }

    @Test(.enabled(if: Corpus.canCompare, Corpus.installHint),
          arguments: [["NET-SNMP-TC", "UCD-SNMP-MIB"], ["UCD-SNMP-MIB", "NET-SNMP-TC"], ["ALL"],
                      ["SNMP-COMMUNITY-MIB", "SNMP-VIEW-BASED-ACM-MIB"], ["SNMP-VIEW-BASED-ACM-MIB", "SNMP-COMMUNITY-MIB"]])
    func randomAccessMatchesSnmptranslate(modules: [String]) throws {
        let tree = Self.store(modules).tree
        var resolved = 0
        for descriptor in Self.descriptors {
            // One run per name: a name snmptranslate cannot find prints nothing on stdout.
            let line = try Corpus.translate([descriptor], options: ["-IR", "-On"], modules: modules.joined(separator: ":")).first
            let ours = (try? tree.oid(for: descriptor, randomAccess: true))?.dottedWithLeadingDot
            #expect(ours == line, "\(descriptor) with \(modules)")
            if line != nil { resolved += 1 }
        }
        #expect(resolved >= 1)
    }
}
