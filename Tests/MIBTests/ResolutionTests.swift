import Foundation
import SNMPSMI
import Testing

@testable import SNMPMIB

/// Name <-> OID resolution and the resolved model, on the shared corpus (Net-SNMP outputs quoted from
/// NETSNMP-OUTPUT.md sections 2 and 7, observed with snmptranslate 5.9.3 `-m ALL`).
@Suite
struct ResolutionTests {
    var tree: MIBTree { CorpusTests.store.tree }

    @Test(arguments: [
        ("IF-MIB::ifDescr.3", "1.3.6.1.2.1.2.2.1.2.3", true),
        ("IF-MIB::ifDescr", "1.3.6.1.2.1.2.2.1.2", true),
        (".1.3.6.1.2.1.2.2.1.2.3", "1.3.6.1.2.1.2.2.1.2.3", true),
        ("1.3.6.1", "1.3.6.1", true),
        (".iso.org.dod.internet.mgmt.mib-2.system.sysDescr.0", "1.3.6.1.2.1.1.1.0", true),
        ("sysUpTime.0", "1.3.6.1.2.1.1.3.0", true),
        ("ifDescr", "1.3.6.1.2.1.2.2.1.2", true),
        ("system.sysDescr.0", "1.3.6.1.2.1.1.1.0", false),
        ("SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.1.\"comm1\"", "1.3.6.1.6.3.16.1.2.1.3.1.5.99.111.109.109.49", true),
        ("DISMAN-EVENT-MIB::mteTriggerTest.\"o\".'t'", "1.3.6.1.2.1.88.1.2.2.1.4.1.111.116", true),
    ])
    func namesParse(name: String, expected: String, randomAccess: Bool) throws {
        let oid = try tree.oid(for: name, randomAccess: randomAccess)
        #expect(oid.description == expected)
    }

    @Test(arguments: ["ifDescr", "IF-MIB::nosuch", "NO-SUCH-MIB::ifDescr", "", "sysDescr..0", ".1.3.x.y"])
    func badNamesThrow(name: String) {
        // `ifDescr` is not below mib-2 directly: snmptranslate without -IR rejects it too (section 7).
        #expect(throws: MIBError.self) { try tree.oid(for: name, randomAccess: false) }
    }

    @Test func sysUpTimeInstanceQuirk() {
        let oid = ObjectIdentifier([1, 3, 6, 1, 2, 1, 1, 3, 0])
        #expect(tree.qualifiedName(for: oid) == "DISMAN-EXPRESSION-MIB::sysUpTimeInstance")
        #expect(tree.shortName(for: oid) == "sysUpTimeInstance")
        #expect(tree.fullLabelPath(for: oid) == ".iso.org.dod.internet.mgmt.mib-2.system.sysUpTime.sysUpTimeInstance")
    }

    @Test func longestPrefixLookupSplitsTheIndex() throws {
        let match = try #require(tree.lookup(ObjectIdentifier([1, 3, 6, 1, 2, 1, 2, 2, 1, 3, 2])))
        #expect(match.node.module == "IF-MIB" && match.node.name == "ifType" && match.index == [2])
        #expect(tree.qualifiedName(for: ObjectIdentifier([1, 3, 6, 1, 2, 1, 2, 2, 1, 3, 2])) == "IF-MIB::ifType.2")
        #expect(tree.qualifiedName(for: ObjectIdentifier([0, 0])) == "SNMPv2-SMI::zeroDotZero")
    }

    @Test func withoutMIBsOnlyTheRootIsNamed() {
        let empty = MIBTree()
        let oid = ObjectIdentifier([1, 3, 6, 1, 2, 1, 1, 1, 0])
        #expect(empty.qualifiedName(for: oid) == "iso.3.6.1.2.1.1.1.0")
        #expect(empty.fullLabelPath(for: ObjectIdentifier([1, 3, 6, 1, 2, 1, 1, 2, 0])) == ".iso.3.6.1.2.1.1.2.0")
        #expect(empty.qualifiedName(for: ObjectIdentifier([0, 0])) == "ccitt.0")
    }

    @Test func syntaxResolvesThroughTextualConventions() throws {
        let ifDescr = try #require(tree.node(named: "ifDescr", module: "IF-MIB"))
        #expect(ifDescr.kind == .column && ifDescr.access == .readOnly && ifDescr.status == .current)
        let syntax = try #require(ifDescr.syntax)
        #expect(syntax.baseType == .octetString && syntax.textualConvention == "DisplayString")
        #expect(syntax.textualConventionModule == "SNMPv2-TC" && syntax.displayHint == "255a")
        #expect(syntax.sizes == [MIBRange(lower: .signed(0), upper: .signed(255))])

        let ifType = try #require(tree.node(named: "ifType", module: "IF-MIB")?.syntax)
        #expect(ifType.textualConvention == "IANAifType" && ifType.enumLabel(for: 6) == "ethernetCsmacd")

        let ifSpeed = try #require(tree.node(named: "ifSpeed", module: "IF-MIB")?.syntax)
        #expect(ifSpeed.baseType == .gauge32 && ifSpeed.textualConvention == nil)

        let physAddress = try #require(tree.node(named: "ifPhysAddress", module: "IF-MIB")?.syntax)
        #expect(physAddress.displayHint == "1x:")

        let units = try #require(tree.node(named: "hrMemorySize", module: "HOST-RESOURCES-MIB"))
        #expect(units.units == "KBytes")

        let bits = try #require(tree.node(named: "mteTriggerTest", module: "DISMAN-EVENT-MIB")?.syntax)
        #expect(bits.baseType == .bits && bits.bitLabels.prefix(2).map(\.name) == ["existence", "boolean"])
    }

    @Test func tablesRowsAndIndexes() throws {
        #expect(tree.node(named: "ifTable", module: "IF-MIB")?.kind == .table)
        let ifEntry = try #require(tree.node(named: "ifEntry", module: "IF-MIB"))
        #expect(ifEntry.kind == .row && ifEntry.index == [MIBIndexPart(name: "ifIndex", implied: false)])
        let ifXEntry = try #require(tree.node(named: "ifXEntry", module: "IF-MIB"))
        #expect(ifXEntry.augments == "ifEntry")
        let trigger = try #require(tree.node(named: "mteTriggerEntry", module: "DISMAN-EVENT-MIB"))
        #expect(trigger.index == [
            MIBIndexPart(name: "mteOwner", implied: false), MIBIndexPart(name: "mteTriggerName", implied: true),
        ])
        let linkUp = try #require(tree.node(named: "linkUp", module: "IF-MIB"))
        #expect(linkUp.kind == .notification && linkUp.objects == ["ifIndex", "ifAdminStatus", "ifOperStatus"])
        #expect(tree.node(named: "sysORIndex", module: "SNMPv2-MIB")?.access == .notAccessible)
    }
}
