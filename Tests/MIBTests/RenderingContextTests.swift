import SNMPSMI
import Testing

@testable import SNMPMIB

/// Names and display information over the IETF corpus, compared with what snmptranslate 5.9.3 printed
/// for the same OIDs (`snmptranslate -M Sources/MIB/Resources/mibs -m ALL [-OX|-Ob|-Of|-Os] OID`).
@Suite
struct RenderingContextTests {
    static let store: MIBStore = {
        let store = MIBStore(searchPath: [Corpus.directory], cacheDirectory: nil)
        store.loadAll()
        return store
    }()

    static let vectors: [(oid: String, options: String, expected: String)] = [
        ("1.3.6.1.2.1.1.3.0", "", "DISMAN-EXPRESSION-MIB::sysUpTimeInstance"),
        ("1.3.6.1.2.1.1.3.0", "f", ".iso.org.dod.internet.mgmt.mib-2.system.sysUpTime.sysUpTimeInstance"),
        ("1.3.6.1.2.1.1.3.0", "s", "sysUpTimeInstance"),
        ("1.3.6.1.2.1.1.1.0", "", "SNMPv2-MIB::sysDescr.0"),
        ("1.3.6.1.2.1.2.2.1.3.2", "X", "IF-MIB::ifType[2]"),
        ("1.3.6.1.2.1.31.1.1.1.1.2", "", "IF-MIB::ifName.2"),                       // AUGMENTS ifEntry
        ("1.3.6.1.2.1.4.20.1.1.127.0.0.1", "", "RFC1213-MIB::ipAdEntAddr.127.0.0.1"),
        ("1.3.6.1.2.1.4.35.1.4.2.1.4.10.0.0.1", "", "IP-MIB::ipNetToPhysicalPhysAddress.2.ipv4.\"10.0.0.1\""),
        ("1.3.6.1.2.1.4.35.1.4.2.1.4.10.0.0.1", "X", "IP-MIB::ipNetToPhysicalPhysAddress[2][ipv4][\"10.0.0.1\"]"),
        ("1.3.6.1.6.3.16.1.2.1.3.1.5.99.111.109.109.49", "", "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.1.\"comm1\""),
        ("1.3.6.1.6.3.16.1.2.1.3.1.5.99.111.109.109.49", "b",
         "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.1.5.99.111.109.109.49"),
        ("1.3.6.1.6.3.16.1.2.1.3.1.5.99.111.109.109.49", "X", "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName[1][STRING: comm1]"),
        ("1.3.6.1.2.1.88.1.2.2.1.3.1.111.116", "", "DISMAN-EVENT-MIB::mteTriggerComment.\"o\".'t'"),
        ("1.3.6.1.6.3.12.1.2.1.2.3.97.98.99", "", "SNMP-TARGET-MIB::snmpTargetAddrTDomain.'.abc'"),
        ("1.3.6.1.6.3.16.1.5.2.1.4.3.97.98.99.4.1.3.6.1", "X",
         "SNMP-VIEW-BASED-ACM-MIB::vacmViewTreeFamilyType[STRING: abc][SNMPv2-SMI::internet]"),
        ("1.3.6.1.2.1.17.4.3.1.2.0.1.2.3.4.5", "X", "BRIDGE-MIB::dot1dTpFdbPort[STRING: 0:1:2:3:4:5]"),
        ("1.3.6.1.2.1.31.1.4.1.2.2.6.1.2.3.4.5.6", "", "IF-MIB::ifRcvAddressStatus.2.\"......\""),
    ]

    @Test(arguments: vectors)
    func namesMatchSnmptranslate(_ vector: (oid: String, options: String, expected: String)) throws {
        var options = OutputOptions()
        try options.apply(vector.options)
        let renderer = NetSNMPRenderer(options: options, context: MIBTreeRenderingContext(tree: Self.store.tree))
        let oid = try #require(ObjectIdentifier(vector.oid))
        #expect(renderer.name(of: oid) == vector.expected)
    }

    @Test func displayInfoComesFromTheSyntax() throws {
        let context = MIBTreeRenderingContext(tree: Self.store.tree)
        let ifType = try #require(context.displayInfo(for: [1, 3, 6, 1, 2, 1, 2, 2, 1, 3, 2]))
        #expect(ifType.syntax == .integer)
        #expect(ifType.enumLabels[6] == "ethernetCsmacd")
        let physAddress = try #require(context.displayInfo(for: [1, 3, 6, 1, 2, 1, 2, 2, 1, 6, 2]))
        #expect(physAddress.displayHint == "1x:")
        let memory = try #require(context.displayInfo(for: [1, 3, 6, 1, 2, 1, 25, 2, 2, 0]))
        #expect(memory.units == "KBytes")
        let trigger = try #require(context.displayInfo(for: [1, 3, 6, 1, 2, 1, 88, 1, 2, 2, 1, 4, 1, 111, 116]))
        #expect(trigger.syntax == .bits && trigger.enumLabels[0] == "existence")
        #expect(context.displayInfo(for: [1, 3, 6, 1, 2, 1, 2, 2]) == nil)    // a table has no value
        let renderer = NetSNMPRenderer(context: context)
        #expect(renderer.line(for: VarBind([1, 3, 6, 1, 2, 1, 2, 2, 1, 3, 2], .integer(6)))
                == "IF-MIB::ifType.2 = INTEGER: ethernetCsmacd(6)")
    }

    @Test func nameParserFollowsNetSNMP() throws {
        let parser = NetSNMPNameParser(store: Self.store)
        #expect(try parser.oid(for: "IF-MIB::ifDescr.3", mode: .fromRoot) == [1, 3, 6, 1, 2, 1, 2, 2, 1, 2, 3])
        #expect(try parser.oid(for: ".iso.org.dod.internet.mgmt.mib-2.system.sysDescr.0", mode: .fromRoot)
                == [1, 3, 6, 1, 2, 1, 1, 1, 0])
        #expect(try parser.oid(for: "sysDescr.0", mode: .fromRootThenRandomAccess) == [1, 3, 6, 1, 2, 1, 1, 1, 0])
        #expect(try parser.oid(for: "sysUpTime.0", mode: .randomAccess) == [1, 3, 6, 1, 2, 1, 1, 3, 0])
        let relative = #expect(throws: MIBError.self) { try parser.oid(for: "ifDescr", mode: .fromRoot) }
        #expect(relative?.reason == "Unknown Object Identifier (Sub-id not found: (top) -> ifDescr)")
        let bogus = #expect(throws: MIBError.self) { try parser.oid(for: ".iso.org.bogus.1", mode: .fromRoot) }
        #expect(bogus?.reason == "Unknown Object Identifier (Sub-id not found: org -> bogus)")
        let numeric = #expect(throws: MIBError.self) { try parser.oid(for: ".1.3.6.1", mode: .randomAccess) }
        #expect(numeric?.reason == "Unknown object identifier")
    }

    @Test func settingsFollowNetSNMPPrecedence() {
        let none = NetSNMPMIBSettings.resolve(environment: ["MIBS": "", "SNMPCONFPATH": "/nonexistent", "HOME": "/h"])
        #expect(none.modules.isEmpty)
        let defaults = NetSNMPMIBSettings.resolve(environment: ["SNMPCONFPATH": "/nonexistent", "HOME": "/h"])
        #expect(defaults.modules == NetSNMPMIBSettings.defaultModules)
        #expect(defaults.directories.first == "/h/.snmp/mibs")
        let plus = NetSNMPMIBSettings.resolve(moduleOption: "+MY-MIB", directoryOption: "+/d",
                                              environment: ["MIBS": "", "SNMPCONFPATH": "/nonexistent", "HOME": "/h"])
        #expect(plus.modules == NetSNMPMIBSettings.defaultModules + ["MY-MIB"])
        #expect(plus.directories.first == "/d")
        let all = NetSNMPMIBSettings.resolve(moduleOption: "ALL", directoryOption: "/only", environment: [:])
        #expect(all.loadsAll && all.directories == ["/only"] + [BundledMIBs.directory].compactMap { $0 })
    }
}
