import Testing
@testable import SNMPExporter
import SNMP

/// The collector's conversions on fixed varbinds, compared with what snmp_exporter prints for them.
struct SampleBuilderTests {
    /// Builds the exposition of one module over `varBinds`.
    static func exposition(_ yaml: String, _ varBinds: [VarBind], wrap: Bool = true) throws -> [String] {
        let configuration = try ExporterConfiguration.parse(yaml: "modules:\n  m:\n" + yaml)
        let module = CompiledModule(name: "m", configuration: try #require(configuration.modules["m"]))
        var set = SampleSet()
        SampleBuilder(module: module, varBinds: varBinds, wrapCounters: wrap).build(into: &set)
        var text = ""
        TextExposition.write(set, into: &text)
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    static func vb(_ oid: String, _ value: SNMPValue) -> VarBind { VarBind(ObjectIdentifier(oid) ?? [], value) }

    @Test func countersGaugesIndexesAndLookups() throws {
        let yaml = """
                metrics:
                - name: ifInOctets
                  oid: 1.3.6.1.2.1.2.2.1.10
                  type: counter
                  indexes: [{labelname: ifIndex, type: gauge}]
                  lookups:
                  - {labels: [ifIndex], labelname: ifDescr, oid: 1.3.6.1.2.1.2.2.1.2, type: DisplayString}
                  - {labels: [ifIndex], labelname: ifMissing, oid: 1.3.6.1.2.1.2.2.1.99, type: DisplayString}
                - name: ifHCInOctets
                  oid: 1.3.6.1.2.1.31.1.1.1.6
                  type: counter
                  indexes: [{labelname: ifIndex, type: gauge}]
                  lookups:
                  - {labels: [ifIndex], labelname: ifName, oid: 1.3.6.1.2.1.31.1.1.1.1, type: DisplayString}
                  - {labels: [], labelname: ifIndex}
            """
        let lines = try Self.exposition(yaml, [
            Self.vb("1.3.6.1.2.1.2.2.1.10.1", .counter32(1_234_567)),
            Self.vb("1.3.6.1.2.1.2.2.1.2.1", .octetString("eth \"0\"\\")),
            Self.vb("1.3.6.1.2.1.31.1.1.1.6.1", .counter64(9_007_199_254_740_993)),
            Self.vb("1.3.6.1.2.1.31.1.1.1.1.1", .octetString(OctetString([0x65, 0xFF, 0xFE, 0x30]))),
        ])
        #expect(lines == [
            "ifHCInOctets{ifName=\"e\u{FFFD}0\"} 1",  // wrapped at 2^53; invalid UTF-8 run becomes one U+FFFD
            "ifInOctets{ifDescr=\"eth \\\"0\\\"\\\\\",ifIndex=\"1\",ifMissing=\"\"} 1.234567e+06",
        ])
        let unwrapped = try Self.exposition(yaml, [Self.vb("1.3.6.1.2.1.31.1.1.1.6.1", .counter64(9_007_199_254_740_993))],
                                            wrap: false)
        #expect(unwrapped == ["ifHCInOctets{ifName=\"\"} 9.007199254740992e+15"])
    }

    @Test func stringIndexesAndValueRenderings() throws {
        let yaml = """
                metrics:
                - name: byName
                  oid: 1.3.6.1.4.1.1.1
                  type: DisplayString
                  indexes: [{labelname: name, type: DisplayString}, {labelname: mac, type: PhysAddress48}]
                - name: byImplied
                  oid: 1.3.6.1.4.1.1.2
                  type: OctetString
                  indexes: [{labelname: key, type: OctetString, implied: true}]
                - name: byFixed
                  oid: 1.3.6.1.4.1.1.3
                  type: PhysAddress48
                  indexes: [{labelname: key, type: DisplayString, fixed_size: 2}, {labelname: addr, type: InetAddress}]
                - name: ip
                  oid: 1.3.6.1.4.1.1.4
                  type: IpAddr
                - name: oid
                  oid: 1.3.6.1.4.1.1.5
                  type: DisplayString
                - name: hinted
                  oid: 1.3.6.1.4.1.1.6
                  type: OctetString
                  display_hint: 1d.1d.1d.1d/1d
            """
        let lines = try Self.exposition(yaml, [
            Self.vb("1.3.6.1.4.1.1.1.2.97.98.0.17.34.51.68.85", .octetString("x")),
            Self.vb("1.3.6.1.4.1.1.2.1.255", .octetString(OctetString([0xDE, 0xAD]))),
            Self.vb("1.3.6.1.4.1.1.3.104.105.2.16.32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.1",
                    .octetString(OctetString([1, 2, 3]))),
            Self.vb("1.3.6.1.4.1.1.4.0", .ipAddress(IPv4Address(192, 0, 2, 1))),
            Self.vb("1.3.6.1.4.1.1.5.0", .objectIdentifier("1.3.6.1.4.1.8072")),
            Self.vb("1.3.6.1.4.1.1.6.0", .octetString(OctetString([192, 0, 2, 0, 24]))),
        ])
        #expect(lines == [
            "byFixed{addr=\"2001:0DB8:0000:0000:0000:0000:0000:0001\",byFixed=\"01:02:03:00:00:00\",key=\"hi\"} 1",
            "byImplied{byImplied=\"0xDEAD\",key=\"0x01FF\"} 1",
            "byName{byName=\"x\",mac=\"00:11:22:33:44:55\",name=\"ab\"} 1",
            "hinted{hinted=\"192.0.2.0/24\"} 1",
            "ip{ip=\"192.0.2.1\"} 1",
            "oid{oid=\"1.3.6.1.4.1.8072\"} 1",
        ])
    }

    @Test func enumsBitsAndTimes() throws {
        let yaml = """
                metrics:
                - name: state
                  oid: 1.3.6.1.4.1.2.1
                  type: EnumAsInfo
                  enum_values: {1: up, 2: down}
                - name: oper
                  oid: 1.3.6.1.4.1.2.2
                  type: EnumAsStateSet
                  enum_values: {1: up, 2: down}
                - name: flags
                  oid: 1.3.6.1.4.1.2.3
                  type: Bits
                  enum_values: {0: a, 7: b, 9: c, 30: d}
                - name: when
                  oid: 1.3.6.1.4.1.2.4
                  type: DateAndTime
                - name: ntp
                  oid: 1.3.6.1.4.1.2.5
                  type: NTPTimeStamp
                - name: parsed
                  oid: 1.3.6.1.4.1.2.6
                  type: ParseDateAndTime
                  datetime_pattern: '%Y-%m-%d %H:%M:%S %z'
                - name: temperature
                  oid: 1.3.6.1.4.1.2.7
                  type: Float
                  scale: 0.5
                  offset: -1
            """
        let lines = try Self.exposition(yaml, [
            Self.vb("1.3.6.1.4.1.2.1.0", .integer(7)),
            Self.vb("1.3.6.1.4.1.2.2.0", .integer(2)),
            Self.vb("1.3.6.1.4.1.2.3.0", .octetString(OctetString([0x81, 0x40]))),
            // 2024-05-31 12:34:56.3 +02:00 = 2024-05-31T10:34:56Z
            Self.vb("1.3.6.1.4.1.2.4.0", .octetString(OctetString([0x07, 0xE8, 5, 31, 12, 34, 56, 3, 0x2B, 2, 0]))),
            // NTP seconds 0xEA019D80 = 3_925_974_400 = Unix 1_716_985_600
            Self.vb("1.3.6.1.4.1.2.5.0", .octetString(OctetString([0xEA, 0x01, 0x9D, 0x80, 0, 0, 0, 0]))),
            Self.vb("1.3.6.1.4.1.2.6.0", .octetString("2024-05-31 12:34:56 +0200")),
            // Opaque-wrapped float 21.5 (0x9F78 04 41AC0000)
            Self.vb("1.3.6.1.4.1.2.7.0", .opaque(OctetString([0x9F, 0x78, 0x04, 0x41, 0xAC, 0x00, 0x00]))),
        ])
        #expect(lines == [
            "flags{flags=\"a\"} 1", "flags{flags=\"b\"} 1", "flags{flags=\"c\"} 1", "flags{flags=\"d\"} 0",
            "ntp 1.7169856e+09",
            "oper{oper=\"down\"} 1", "oper{oper=\"up\"} 0",
            "parsed 1.717151696e+09",
            "state_info{state=\"7\"} 1",
            "temperature 9.75",
            "when 1.717151696e+09",
        ])
    }

    @Test func regexExtractsFirstMatchingPatternPerSuffix() throws {
        let yaml = """
                metrics:
                - name: version
                  oid: 1.3.6.1.4.1.3.1
                  type: DisplayString
                  help: Firmware
                  indexes: [{labelname: i, type: gauge}]
                  regex_extracts:
                    Major:
                    - regex: 'v(\\d+)\\.(\\d+)'
                    Minor:
                    - regex: 'v\\d+\\.(?P<minor>\\d+)'
                      value: '${minor}.5'
                    Unknown:
                    - regex: 'none'
                      value: '1'
                    - regex: '.*'
                      value: 'not a number'
            """
        let lines = try Self.exposition(yaml, [
            Self.vb("1.3.6.1.4.1.3.1.1", .octetString("v12.4")),
            Self.vb("1.3.6.1.4.1.3.1.2", .octetString("none")),
        ])
        #expect(lines == ["versionMajor{i=\"1\"} 12", "versionMinor{i=\"1\"} 4.5", "versionUnknown{i=\"2\"} 1"])
    }

    @Test func theFirstMetricDownTheTreeWins() throws {
        // snmp_exporter stops at the shortest configured prefix, so a metric under another never matches.
        let yaml = """
                metrics:
                - {name: outer, oid: 1.3.6.1.4.1.4, type: gauge}
                - {name: inner, oid: 1.3.6.1.4.1.4.1, type: gauge}
            """
        let lines = try Self.exposition(yaml, [Self.vb("1.3.6.1.4.1.4.1.0", .gauge32(5))])
        #expect(lines == ["outer 5"])
    }

    @Test func bitsOnANonOctetStringFailTheScrape() throws {
        let configuration = try ExporterConfiguration.parse(
            yaml: "modules:\n  m:\n    metrics:\n    - {name: flags, oid: 1.3.6.1.4.1.5, type: Bits, enum_values: {0: a}}\n")
        let module = CompiledModule(name: "m", configuration: try #require(configuration.modules["m"]))
        var set = SampleSet()
        SampleBuilder(module: module, varBinds: [Self.vb("1.3.6.1.4.1.5.0", .integer(1))], wrapCounters: true)
            .build(into: &set)
        #expect(set.errorBody?.hasPrefix("An error has occurred while serving metrics:\n\nerror collecting metric Desc{fqName: \"snmp_error\", help: \"BITS type was not a BISTRING on the wire.\"") == true)
    }
}

/// Values and indexes off the wire that do not fit what the configuration says: no trap, snmp_exporter's
/// padding and fallbacks.
struct HostileInputTests {
    @Test func malformedIndexesAndValuesAreRenderedOrDropped() throws {
        let yaml = """
                metrics:
                - name: s
                  oid: 1.3.6.1.4.1.9.1
                  type: gauge
                  indexes: [{labelname: name, type: DisplayString}, {labelname: mac, type: PhysAddress48}]
                - name: t
                  oid: 1.3.6.1.4.1.9.2
                  type: DateAndTime
                - name: p
                  oid: 1.3.6.1.4.1.9.3
                  type: ParseDateAndTime
                  datetime_pattern: '%s'
                - name: b
                  oid: 1.3.6.1.4.1.9.4
                  type: Bits
                  enum_values: {-1: neg, 4096: far}
                - name: h
                  oid: 1.3.6.1.4.1.9.5
                  type: OctetString
                  display_hint: '*1x:'
            """
        let lines = try SampleBuilderTests.exposition(yaml, [
            // A length prefix far past the OID's end: the text pads with NULs, the MAC with zeros.
            SampleBuilderTests.vb("1.3.6.1.4.1.9.1.4294967295.65", .gauge32(1)),
            SampleBuilderTests.vb("1.3.6.1.4.1.9.2.0", .octetString(OctetString([7, 0xE8, 1]))),
            SampleBuilderTests.vb("1.3.6.1.4.1.9.3.0", .octetString("99999999999999999999999999")),
            SampleBuilderTests.vb("1.3.6.1.4.1.9.4.0", .octetString(OctetString([0xFF]))),
            SampleBuilderTests.vb("1.3.6.1.4.1.9.5.0", .octetString(OctetString([200, 1]))),
        ])
        #expect(lines.count == 4)
        #expect(lines.contains("b{b=\"far\"} 0") && lines.contains("b{b=\"neg\"} 0"))
        #expect(lines.contains("h{h=\"01\"} 1"))
        #expect(lines.contains { $0.hasPrefix("s{mac=\"00:00:00:00:00:00\",name=\"A") })
    }
}
