import SNMPMIB
import SNMPSMI
import Testing

let mibVectors: [LineVector] = [
    // §2 name styles
    .init("\(doc) §2", "1.3.6.1.2.1.2.2.1.3.2", .integer(6), "", "IF-MIB::ifType.2 = INTEGER: ethernetCsmacd(6)"),
    .init("\(doc) §2 -On", "1.3.6.1.2.1.2.2.1.3.2", .integer(6), "n", ".1.3.6.1.2.1.2.2.1.3.2 = INTEGER: ethernetCsmacd(6)"),
    .init("\(doc) §2 -Of", "1.3.6.1.2.1.2.2.1.3.2", .integer(6), "f",
          ".iso.org.dod.internet.mgmt.mib-2.interfaces.ifTable.ifEntry.ifType.2 = INTEGER: ethernetCsmacd(6)"),
    .init("\(doc) §2 -Os", "1.3.6.1.2.1.2.2.1.3.2", .integer(6), "s", "ifType.2 = INTEGER: ethernetCsmacd(6)"),
    .init("\(doc) §2 -OS", "1.3.6.1.2.1.2.2.1.3.2", .integer(6), "sS", "IF-MIB::ifType.2 = INTEGER: ethernetCsmacd(6)"),
    .init("\(doc) §2 -Ou", "1.3.6.1.2.1.2.2.1.3.2", .integer(6), "u",
          "interfaces.ifTable.ifEntry.ifType.2 = INTEGER: ethernetCsmacd(6)"),
    .init("\(doc) §2 -OX (index from the resolver)", "1.3.6.1.2.1.2.2.1.3.2", .integer(6), "X",
          "IF-MIB::ifType[2] = INTEGER: ethernetCsmacd(6)"),
    // §2 value side of -Oq / -OQ / -Ov / -Oe
    .init("\(doc) §2 -Oq", "1.3.6.1.2.1.2.2.1.3.2", .integer(6), "q", "IF-MIB::ifType.2 ethernetCsmacd"),
    .init("\(doc) §2 -OQ", "1.3.6.1.2.1.2.2.1.3.2", .integer(6), "Q", "IF-MIB::ifType.2 = ethernetCsmacd"),
    .init("\(doc) §2 -Ov", "1.3.6.1.2.1.2.2.1.3.2", .integer(6), "v", "INTEGER: ethernetCsmacd(6)"),
    .init("\(doc) §2 -Oqv", "1.3.6.1.2.1.2.2.1.3.2", .integer(6), "qv", "ethernetCsmacd"),
    .init("\(doc) §2 -Oe", "1.3.6.1.2.1.2.2.1.3.2", .integer(6), "e", "IF-MIB::ifType.2 = INTEGER: 6"),
    .init("\(doc) §3.1 value outside the enum", "1.3.6.1.2.1.2.2.1.3.2", .integer(999), "", "IF-MIB::ifType.2 = INTEGER: 999"),
    // §3.1 UNITS
    .init("\(doc) §3.1 units", "1.3.6.1.2.1.25.2.2.0", .integer(24683656), "",
          "HOST-RESOURCES-MIB::hrMemorySize.0 = INTEGER: 24683656 KBytes"),
    .init("\(doc) §3.1 -OU", "1.3.6.1.2.1.25.2.2.0", .integer(24683656), "U",
          "HOST-RESOURCES-MIB::hrMemorySize.0 = INTEGER: 24683656"),
    .init("\(doc) §3.1 gauge units", "1.3.6.1.2.1.88.1.2.2.1.4.1.111.116", .gauge32(600), "",
          "DISMAN-EVENT-MIB::mteTriggerFrequency.1.111.116 = Gauge32: 600 seconds"),
    // §3.4 hints
    .init("\(doc) §3.4 255a raw", "1.3.6.1.2.1.1.4.0", "say \"hi\" \\ back", "",
          "SNMPv2-MIB::sysContact.0 = STRING: say \"hi\" \\ back$"),
    .init("\(doc) §3.4 255a UTF-8", "1.3.6.1.2.1.1.4.0", "café €", "", "SNMPv2-MIB::sysContact.0 = STRING: café €$"),
    .init("\(doc) §3.4 255a LF TAB", "1.3.6.1.2.1.1.4.0", "a\nb\tc", "", "SNMPv2-MIB::sysContact.0 = STRING: a$\nb\tc$"),
    .init("\(doc) §3.4 empty", "1.3.6.1.2.1.1.4.0", "", "", "SNMPv2-MIB::sysContact.0 = STRING: $"),
    .init("\(doc) §3.4 empty -Oq", "1.3.6.1.2.1.1.4.0", "", "q", "SNMPv2-MIB::sysContact.0 $"),
    .init("\(doc) §3.4 hint beats -Ox", "1.3.6.1.2.1.1.4.0", "ab", "x", "SNMPv2-MIB::sysContact.0 = STRING: ab"),
    .init("\(doc) §3.4 hint beats -OT", "1.3.6.1.2.1.1.4.0", "ab", "T", "SNMPv2-MIB::sysContact.0 = STRING: ab"),
    .init("\(doc) §3.4 1x:", "1.3.6.1.2.1.2.2.1.6.2", .octetString([0xA6, 0x22, 0x86, 0x02, 0x3D, 0xD7]), "",
          "IF-MIB::ifPhysAddress.2 = STRING: a6:22:86:2:3d:d7"),
    .init("\(doc) §3.4 1x: -O0", "1.3.6.1.2.1.2.2.1.6.4", .octetString([0x02, 0xFC, 0, 0, 0, 1]), "0",
          "IF-MIB::ifPhysAddress.4 = STRING: 02:fc:00:00:00:01"),
    .init("\(doc) §3.4 1x: empty", "1.3.6.1.2.1.2.2.1.6.1", "", "", "IF-MIB::ifPhysAddress.1 = STRING: $"),
    .init("\(doc) §3.4 DateAndTime", "1.3.6.1.2.1.25.1.2.0",
          .octetString([0x07, 0xEA, 0x0B, 0x19, 0x0A, 0x2C, 0x0E, 0x00, 0x2B, 0x00, 0x00]), "",
          "HOST-RESOURCES-MIB::hrSystemDate.0 = STRING: 2026-11-25,10:44:14.0,+0:0"),
    // §3.5 OID values through the MIB
    .init("\(doc) §3.5", "1.3.6.1.2.1.2.2.1.22.1", .objectIdentifier("0.0"), "",
          "IF-MIB::ifSpecific.1 = OID: SNMPv2-SMI::zeroDotZero"),
    .init("\(doc) §3.5 -On", "1.3.6.1.2.1.2.2.1.22.1", .objectIdentifier("0.0"), "n", ".1.3.6.1.2.1.2.2.1.22.1 = OID: .0.0"),
    .init("\(doc) §3.5 -Of", "1.3.6.1.2.1.2.2.1.22.1", .objectIdentifier("0.0"), "f",
          ".iso.org.dod.internet.mgmt.mib-2.interfaces.ifTable.ifEntry.ifSpecific.1 = OID: .ccitt.zeroDotZero"),
    .init("\(doc) §3.5 -Os", "1.3.6.1.2.1.2.2.1.22.1", .objectIdentifier("0.0"), "s", "ifSpecific.1 = OID: zeroDotZero"),
    // §3.6 BITS
    .init("\(doc) §3.6 BITS", "1.3.6.1.2.1.88.1.2.2.1.3.1.111.116", .octetString([0xC0]), "",
          "DISMAN-EVENT-MIB::mteTriggerTest.1.111.116 = BITS: C0 existence(0) boolean(1) $"),
    .init("\(doc) §3.6 BITS -Oe", "1.3.6.1.2.1.88.1.2.2.1.3.1.111.116", .octetString([0xC0]), "e",
          "DISMAN-EVENT-MIB::mteTriggerTest.1.111.116 = BITS: C0 0 1 $"),
    .init("\(doc) §3.6 BITS -Oq", "1.3.6.1.2.1.88.1.2.2.1.3.1.111.116", .octetString([0xC0]), "q",
          "DISMAN-EVENT-MIB::mteTriggerTest.1.111.116 \"C0 \"$"),
    .init("\(doc) §3.6 BITS none set", "1.3.6.1.2.1.88.1.2.2.1.3.1.111.116", .octetString([0x00]), "",
          "DISMAN-EVENT-MIB::mteTriggerTest.1.111.116 = BITS: 00 $"),
    .init("mib.c sprint_realloc_bitstring: unnamed bit", "1.3.6.1.2.1.88.1.2.2.1.3.1.111.116",
          .octetString([0x20, 0x01]), "", "DISMAN-EVENT-MIB::mteTriggerTest.1.111.116 = BITS: 20 01 threshold(2) 15 $"),
    // mib.c: a value of another type than the MIB's
    .init("mib.c sprint_realloc_integer: Wrong Type", "1.3.6.1.2.1.2.2.1.3.2", .gauge32(5), "",
          "IF-MIB::ifType.2 = Wrong Type (should be INTEGER): Gauge32: 5"),
    .init("mib.c: -OQ hides Wrong Type", "1.3.6.1.2.1.2.2.1.3.2", .gauge32(5), "Q", "IF-MIB::ifType.2 = 5"),
    .init("mib.c sprint_realloc_octet_string: Wrong Type", "1.3.6.1.2.1.1.4.0", .integer(3), "",
          "SNMPv2-MIB::sysContact.0 = Wrong Type (should be OCTET STRING): INTEGER: 3"),
    // exceptions never consult the MIB
    .init("\(doc) §3", "1.3.6.1.2.1.1.1.5", .noSuchInstance, "",
          "SNMPv2-MIB::sysDescr.5 = No Such Instance currently exists at this OID"),
    // outside any known node: built-in roots
    .init("\(doc) §2", "1.3.6.1.4.1.8072.9999.1.1.0", .integer(1), "", "iso.3.6.1.4.1.8072.9999.1.1.0 = INTEGER: 1"),
]

@Test("MIB-aware lines with a hand-made MIB", arguments: mibVectors)
func mibLine(_ vector: LineVector) throws {
    let r = try renderer(vector.letters, context: FakeMIB.standard)
    #expect(r.line(for: VarBind(vector.oid, vector.value)) == lines(vector.expected))
}

@Test("-Ih (useDisplayHints = false) prints the unhinted string")
func displayHintsOff() throws {
    var options = OutputOptions()
    options.useDisplayHints = false
    let r = NetSNMPRenderer(options: options, context: FakeMIB.standard)
    #expect(r.line(for: VarBind("1.3.6.1.2.1.1.4.0", "interop@example.invalid"))
            == "SNMPv2-MIB::sysContact.0 = STRING: \"interop@example.invalid\"")
}

/// DISPLAY-HINT octet formats (RFC 2579 §3.1) as Net-SNMP's sprint_realloc_octet_string applies them.
@Test("Octet-string DISPLAY-HINTs", arguments: [
    ("RFC 2579 §3.1 example", "1d.1d.1d.1d", "0A000001", "", "STRING: 10.0.0.1"),
    ("mib.c: 1x alone pads to two digits", "1x", "02FC00", "", "STRING: 02fc00"),
    ("mib.c: x with width 2", "2x:", "00020AFF", "", "STRING: 2:aff"),
    ("mib.c: octal", "1o", "08", "", "STRING: 10"),
    ("mib.c: * repeat count", "*1x:", "03AABBCC", "", "STRING: aa:bb:cc"),
    ("mib.c: separator also before the terminator", "*1d./1d", "02010203", "", "STRING: 1.2./3"),
    ("mib.c: a chunk with NUL goes through the ASCII filter", "255a", "61005C", "", "STRING: a.\\\\"),
    ("mib.c: t like a", "3t-", "616263646566", "", "STRING: abc-def"),
    ("mib.c: -Oq drops STRING:", "1x:", "0102", "q", "1:2"),
    ("mib.c: bad hint", "1q", "6869", "", "(Bad hint ignored: 1q) STRING: \"hi\""),
    ("mib.c: bad hint -Oq", "1q", "00", "q", "(Bad hint ignored: 1q) \"00 \""),
    ("mib.c: empty hint prints decimal bytes", "", "6869", "", "STRING: 104105"),
    ("mib.c: the last spec repeats", "1d-", "010203", "", "STRING: 1-2-3"),
    ("DISPLAY-HINT 2d-1d-1d,1d:1d:1d.1d,1a1d:1d (DateAndTime, 8 octets)", "2d-1d-1d,1d:1d:1d.1d,1a1d:1d",
     "07EA0B190A2C0E00", "", "STRING: 2026-11-25,10:44:14.0"),
])
func octetHint(source: String, hint: String, hex: String, letters: String, expected: String) throws {
    let r = try renderer(letters)
    let info = ObjectDisplayInfo(syntax: .octetString, displayHint: hint)
    #expect(r.value(.octetString(octets(hex)), displayInfo: info) == expected, "\(source)")
}

/// Integer DISPLAY-HINTs (RFC 2579 §3.1) as Net-SNMP's sprint_realloc_hinted_integer applies them.
@Test("Integer DISPLAY-HINTs", arguments: [
    ("\(doc) §3.1 d-2", "d-2", SNMPValue.integer(1234), "INTEGER: 12.34"),
    ("\(doc) §3.1 d-2 short", "d-2", .integer(5), "INTEGER: .05"),
    ("mib.c: d-2 negative", "d-2", .integer(-5), "INTEGER: -.05"),
    ("mib.c: d-3 as many digits", "d-3", .integer(123), "INTEGER: .123"),
    ("mib.c: d-1", "d-1", .integer(-1234), "INTEGER: -123.4"),
    ("mib.c: d", "d", .integer(-7), "INTEGER: -7"),
    ("\(doc) §3.1 x", "x", .integer(255), "INTEGER: ff"),
    ("mib.c: x of a negative is 64-bit", "x", .integer(-1), "INTEGER: ffffffffffffffff"),
    ("\(doc) §3.1 o", "o", .integer(8), "INTEGER: 10"),
    ("mib.c: b is 32 bits", "b", .integer(5), "INTEGER: 00000000000000000000000000000101"),
    ("mib.c: gauge d-2", "d-2", .gauge32(4294967295), "Gauge32: 42949672.95"),
    ("mib.c: counter ignores hints", "d-2", .counter32(1234), "Counter32: 1234"),
])
func integerHint(source: String, hint: String, value: SNMPValue, expected: String) throws {
    let syntax: ObjectDisplayInfo.Syntax
    switch value {
    case .gauge32: syntax = .gauge32
    case .counter32: syntax = .counter32
    default: syntax = .integer
    }
    let info = ObjectDisplayInfo(syntax: syntax, displayHint: hint)
    #expect(try renderer().value(value, displayInfo: info) == expected, "\(source)")
}

@Test("Enum label wins over an integer hint; -Oe falls back to the hint")
func enumAndHint() throws {
    let info = ObjectDisplayInfo(syntax: .integer, enumLabels: [100: "full"], displayHint: "d-2", units: "%")
    #expect(try renderer().value(.integer(100), displayInfo: info) == "INTEGER: full(100) %")
    #expect(try renderer("e").value(.integer(100), displayInfo: info) == "INTEGER: 1.00 %")
    #expect(try renderer("q").value(.integer(100), displayInfo: info) == "full %")
}

@Test("-Ot drops units, other types keep them")
func unitsPerType() throws {
    let info = { (syntax: ObjectDisplayInfo.Syntax) in ObjectDisplayInfo(syntax: syntax, units: "u") }
    #expect(try renderer().value(.timeTicks(100), displayInfo: info(.timeTicks)) == "Timeticks: (100) 0:00:01.00 u")
    #expect(try renderer("t").value(.timeTicks(100), displayInfo: info(.timeTicks)) == "100")
    #expect(try renderer().value(.counter64(7), displayInfo: info(.counter64)) == "Counter64: 7 u")
    #expect(try renderer().value(.ipAddress(IPv4Address(1, 2, 3, 4)), displayInfo: info(.ipAddress)) == "IpAddress: 1.2.3.4")
    #expect(try renderer().value("ab", displayInfo: info(.octetString)) == "STRING: \"ab\" u")
    #expect(try renderer().value("", displayInfo: info(.octetString)) == "\"\"")
    #expect(try renderer().value(.ipAddress(IPv4Address(127, 0, 0, 1)), displayInfo: info(.networkAddress))
            == "Network Address: 7F:00:00:01")
}
