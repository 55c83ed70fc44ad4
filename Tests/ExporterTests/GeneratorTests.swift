import Foundation
import Testing
@testable import SNMPExporter
import SNMP

/// generator.yml + MIB modules → snmp.yml, as snmp_exporter's generator builds it.
struct GeneratorTests {
    static let smi = """
        SNMPv2-SMI DEFINITIONS ::= BEGIN
        org            OBJECT IDENTIFIER ::= { iso 3 }
        dod            OBJECT IDENTIFIER ::= { org 6 }
        internet       OBJECT IDENTIFIER ::= { dod 1 }
        mgmt           OBJECT IDENTIFIER ::= { internet 2 }
        private        OBJECT IDENTIFIER ::= { internet 4 }
        enterprises    OBJECT IDENTIFIER ::= { private 1 }
        Integer32 ::= INTEGER (-2147483648..2147483647)
        Counter64 ::= [APPLICATION 6] IMPLICIT INTEGER (0..18446744073709551615)
        Gauge32 ::= [APPLICATION 2] IMPLICIT INTEGER (0..4294967295)
        END
        """

    static let tc = """
        SNMPv2-TC DEFINITIONS ::= BEGIN
        IMPORTS Integer32 FROM SNMPv2-SMI;
        DisplayString ::= TEXTUAL-CONVENTION
            DISPLAY-HINT "255a"
            STATUS current
            DESCRIPTION "Text."
            SYNTAX OCTET STRING (SIZE (0..255))
        PhysAddress ::= TEXTUAL-CONVENTION
            DISPLAY-HINT "1x:"
            STATUS current
            DESCRIPTION "A MAC."
            SYNTAX OCTET STRING
        InetAddressType ::= TEXTUAL-CONVENTION
            STATUS current
            DESCRIPTION "Address family."
            SYNTAX INTEGER { unknown(0), ipv4(1), ipv6(2) }
        InetAddress ::= TEXTUAL-CONVENTION
            STATUS current
            DESCRIPTION "An address."
            SYNTAX OCTET STRING (SIZE (0..255))
        END
        """

    static let test = """
        TEST-MIB DEFINITIONS ::= BEGIN
        IMPORTS enterprises, Integer32, Counter64, Gauge32 FROM SNMPv2-SMI
                DisplayString, PhysAddress, InetAddressType, InetAddress FROM SNMPv2-TC;
        test OBJECT IDENTIFIER ::= { enterprises 99999 }
        portCount OBJECT-TYPE
            SYNTAX Integer32
            MAX-ACCESS read-only
            STATUS current
            DESCRIPTION "The number of ports.  More text here. And more."
            ::= { test 1 }
        portTable OBJECT-TYPE
            SYNTAX SEQUENCE OF PortEntry
            MAX-ACCESS not-accessible
            STATUS current
            DESCRIPTION "Ports."
            ::= { test 2 }
        portEntry OBJECT-TYPE
            SYNTAX PortEntry
            MAX-ACCESS not-accessible
            STATUS current
            DESCRIPTION "A port."
            INDEX { portIndex }
            ::= { portTable 1 }
        PortEntry ::= SEQUENCE { portIndex Integer32, portName DisplayString, portMac PhysAddress,
            portOctets Counter64, portState INTEGER, portAddrType InetAddressType, portAddr InetAddress }
        portIndex OBJECT-TYPE
            SYNTAX Integer32
            MAX-ACCESS not-accessible
            STATUS current
            DESCRIPTION "Index."
            ::= { portEntry 1 }
        portName OBJECT-TYPE
            SYNTAX DisplayString
            MAX-ACCESS read-only
            STATUS current
            DESCRIPTION "Name."
            ::= { portEntry 2 }
        portMac OBJECT-TYPE
            SYNTAX PhysAddress
            MAX-ACCESS read-only
            STATUS current
            DESCRIPTION "MAC."
            ::= { portEntry 3 }
        portOctets OBJECT-TYPE
            SYNTAX Counter64
            MAX-ACCESS read-only
            STATUS current
            DESCRIPTION "Octets."
            ::= { portEntry 4 }
        portState OBJECT-TYPE
            SYNTAX INTEGER { up(1), down(2) }
            MAX-ACCESS read-write
            STATUS current
            DESCRIPTION "State."
            ::= { portEntry 5 }
        portAddrType OBJECT-TYPE
            SYNTAX InetAddressType
            MAX-ACCESS read-only
            STATUS current
            DESCRIPTION "Family."
            ::= { portEntry 6 }
        portAddr OBJECT-TYPE
            SYNTAX InetAddress
            MAX-ACCESS read-only
            STATUS current
            DESCRIPTION "Address."
            ::= { portEntry 7 }
        END
        """

    static let generatorYAML = """
        auths:
          public_v2:
            version: 2
        modules:
          test:
            walk: [portCount, portTable]
            max_repetitions: 10
            lookups:
            - source_indexes: [portIndex]
              lookup: portName
              drop_source_indexes: true
            overrides:
              portName:
                ignore: true
              portState:
                type: EnumAsStateSet
              portOctets:
                name: portBytes
                help: Bytes through the port
        """

    @Test func generatesMetricsIndexesLookupsAndOverrides() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("generator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in [("SNMPv2-SMI", Self.smi), ("SNMPv2-TC", Self.tc), ("TEST-MIB", Self.test)] {
            try text.write(to: directory.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
        }
        let store = MIBStore(searchPath: [directory.path], cacheDirectory: nil)
        let errors = store.loadAll()
        #expect(errors.isEmpty, "\(errors)")
        var warnings: [String] = []
        let configuration = try GeneratorConfiguration.parse(yaml: Self.generatorYAML)
        let generated = try ExporterGenerator(tree: store.tree).generate(configuration, warnings: &warnings)
        let module = try #require(generated.modules["test"])
        #expect(module.walk == ["1.3.6.1.4.1.99999.2"])
        #expect(module.get == ["1.3.6.1.4.1.99999.1.0"])
        #expect(module.walkParameters.maxRepetitions == 10)
        let byName = Dictionary(module.metrics.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["portCount"]?.type == "gauge")
        #expect(byName["portCount"]?.help == "The number of ports - 1.3.6.1.4.1.99999.1")
        #expect(byName["portName"] == nil)
        #expect(byName["portMac"]?.type == "PhysAddress48")
        #expect(byName["portBytes"]?.type == "counter")
        #expect(byName["portBytes"]?.help == "Bytes through the port")
        #expect(byName["portState"]?.type == "EnumAsStateSet")
        #expect(byName["portState"]?.enumValues == [1: "up", 2: "down"])
        #expect(byName["portAddr"]?.type == "InetAddress")
        let mac = try #require(byName["portMac"])
        #expect(mac.indexes.map(\.labelName) == ["portIndex"])
        #expect(mac.lookups.map(\.labelName) == ["portName", "portIndex"])
        #expect(mac.lookups.first?.type == "DisplayString")
        #expect(mac.lookups.last?.labels == [])
        // What it writes is an snmp.yml the exporter loads back.
        let text = try generated.yaml()
        let reloaded = try ExporterConfiguration.parse(yaml: text)
        #expect(reloaded.modules["test"]?.metrics.count == module.metrics.count)
        #expect(reloaded.auths["public_v2"]?.version == 2)
        #expect(try generated.yaml(hideSecrets: true).contains("community: <secret>"))
    }
}
