import SNMPMIB
import SNMPSMI
import Testing

@Test("Timeticks uptime text (NETSNMP-OUTPUT.md §3.2)", arguments: [
    (UInt32(0), "Timeticks: (0) 0:00:00.00", "0:0:00:00.00"),
    (100, "Timeticks: (100) 0:00:01.00", "0:0:00:01.00"),
    (360000, "Timeticks: (360000) 1:00:00.00", "0:1:00:00.00"),
    (8640000, "Timeticks: (8640000) 1 day, 0:00:00.00", "1:0:00:00.00"),
    (8640001, "Timeticks: (8640001) 1 day, 0:00:00.01", "1:0:00:00.01"),
    (17280099, "Timeticks: (17280099) 2 days, 0:00:00.99", "2:0:00:00.99"),
    (4294967295, "Timeticks: (4294967295) 497 days, 2:27:52.95", "497:2:27:52.95"),
    (6226, "Timeticks: (6226) 0:01:02.26", "0:0:01:02.26"),
])
func timeTicks(ticks: UInt32, plain: String, quick: String) throws {
    #expect(try renderer().value(.timeTicks(ticks), displayInfo: nil) == plain)
    #expect(try renderer("q").value(.timeTicks(ticks), displayInfo: nil) == quick)
    #expect(try renderer("t").value(.timeTicks(ticks), displayInfo: nil) == String(ticks))
}

/// OCTET STRING value vectors: bytes, -O letters, the line (`$` = end of line).
let stringVectors: [(source: String, value: OctetString, letters: String, expected: String)] = [
    ("\(doc) §3.3 escaping", "say \"hi\" \\ back", "",
     "iso.3.6.1.4.1.8072.9999.1.2.0 = STRING: \"say \\\"hi\\\" \\\\ back\"$"),
    ("\(doc) §3.3 raw LF and TAB", "line1\nline2\ttab", "",
     "iso.3.6.1.4.1.8072.9999.1.2.0 = STRING: \"line1$\nline2\ttab\"$"),
    ("\(doc) §3.3 raw CR VT FF", "cr\rlf\nvt\u{0B}ff\u{0C}end", "",
     "iso.3.6.1.4.1.8072.9999.1.2.0 = STRING: \"cr\rlf$\nvt\u{0B}ff\u{0C}end\"$"),
    ("\(doc) §3.3 UTF-8 is hex", "héllo", "", "iso.3.6.1.4.1.8072.9999.1.2.0 = Hex-STRING: 68 C3 A9 6C 6C 6F $"),
    ("\(doc) §3.3 BEL is hex", "bell\u{07}", "", "iso.3.6.1.4.1.8072.9999.1.2.0 = Hex-STRING: 62 65 6C 6C 07 $"),
    ("\(doc) §3.3 DEL is hex", "del\u{7F}", "", "iso.3.6.1.4.1.8072.9999.1.2.0 = Hex-STRING: 64 65 6C 7F $"),
    ("\(doc) §3.3 empty", "", "", "iso.3.6.1.4.1.8072.9999.1.2.0 = \"\""),
    ("\(doc) §3.3 empty -Ox", "", "x", "iso.3.6.1.4.1.8072.9999.1.2.0 = \"\""),
    ("\(doc) §3.3 empty -Oa", "", "a", "iso.3.6.1.4.1.8072.9999.1.2.0 = \"\""),
    ("\(doc) §3.3 empty -Oq", "", "q", "iso.3.6.1.4.1.8072.9999.1.2.0 \"\""),
    ("\(doc) §3.3 empty -Ov", "", "v", "\"\""),
    ("\(observed): empty -OT", "", "T", "iso.3.6.1.4.1.8072.9999.1.2.0 = \"\""),
    ("\(doc) §3.3 -Oa", octets("48656C6C6F00FF0A41"), "a", "iso.3.6.1.4.1.8072.9999.1.2.0 = STRING: \"Hello..$\nA\"$"),
    ("\(doc) §3.3 -Ox", octets("48656C6C6F00FF0A41"), "x",
     "iso.3.6.1.4.1.8072.9999.1.2.0 = Hex-STRING: 48 65 6C 6C 6F 00 FF 0A 41 $"),
    ("\(doc) §3.3 -OT", octets("48656C6C6F00FF0A41"), "T",
     "iso.3.6.1.4.1.8072.9999.1.2.0 = Hex-STRING: 48 65 6C 6C 6F 00 FF 0A 41   [Hello..$\nA]$"),
    ("\(doc) §3.3 -Oq hex", octets("48656C6C6F00FF0A41"), "q",
     "iso.3.6.1.4.1.8072.9999.1.2.0 \"48 65 6C 6C 6F 00 FF 0A 41 \"$"),
    ("\(doc) §3.3 -Oqv hex", octets("48656C6C6F00FF0A41"), "qv", "\"48 65 6C 6C 6F 00 FF 0A 41 \"$"),
    ("\(observed): -OqT", octets("48656C6C6F00FF0A41"), "qT",
     "iso.3.6.1.4.1.8072.9999.1.2.0 \"48 65 6C 6C 6F 00 FF 0A 41   [Hello..$\nA]\"$"),
    ("\(observed): -Oaq", octets("48656C6C6F00FF0A41"), "aq", "iso.3.6.1.4.1.8072.9999.1.2.0 \"Hello..$\nA\"$"),
    ("\(observed): -OaT (text wins, no hex)", octets("48656C6C6F00FF0A41"), "aT",
     "iso.3.6.1.4.1.8072.9999.1.2.0 = STRING: \"Hello..$\nA\"$"),
    ("\(doc) §3.3 -Ox on text", "hello \"w\"", "x",
     "iso.3.6.1.4.1.8072.9999.1.2.0 = Hex-STRING: 68 65 6C 6C 6F 20 22 77 22 $"),
    ("\(doc) §3.3 -Oq on text", "hello \"w\"", "q", "iso.3.6.1.4.1.8072.9999.1.2.0 \"hello \\\"w\\\"\""),
    ("\(observed): -OxT on text", "hello \"w\"", "xT",
     "iso.3.6.1.4.1.8072.9999.1.2.0 = Hex-STRING: 68 65 6C 6C 6F 20 22 77 22   [hello \"w\"]$"),
    ("\(observed): -Oxa (last wins)", "hello \"w\"", "xa", "iso.3.6.1.4.1.8072.9999.1.2.0 = STRING: \"hello \\\"w\\\"\""),
    ("\(observed): -Oax (last wins)", "hello \"w\"", "ax",
     "iso.3.6.1.4.1.8072.9999.1.2.0 = Hex-STRING: 68 65 6C 6C 6F 20 22 77 22 $"),
    ("\(doc) §3.3 -O0 no effect on hex", octets("010203"), "0", "iso.3.6.1.4.1.8072.9999.1.2.0 = Hex-STRING: 01 02 03 $"),
    ("\(doc) §3.3 exactly 16 bytes", octets("0102030405060708090A0B0C0D0E0F10"), "",
     "iso.3.6.1.4.1.8072.9999.1.2.0 = Hex-STRING: 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 $"),
    ("\(doc) §3.3 33 bytes", octets("0102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F2021"), "",
     """
     iso.3.6.1.4.1.8072.9999.1.2.0 = Hex-STRING: 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 $
     11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F 20 $
     21 $
     """),
    ("\(doc) §3.3 -OT 20 bytes", octets("000102030405060708090A0B0C0D0E0F10111213"), "T",
     """
     iso.3.6.1.4.1.8072.9999.1.2.0 = Hex-STRING: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F   [.........\t$
     \u{0B}\u{0C}\r..]$
     10 11 12 13   [....]$
     """),
    ("\(doc) §3.3 long text never wraps", OctetString(String(repeating: "x", count: 300)), "",
     "iso.3.6.1.4.1.8072.9999.1.2.0 = STRING: \"" + String(repeating: "x", count: 300) + "\""),
]

@Test("OCTET STRING without hint", arguments: stringVectors)
func octetString(source: String, value: OctetString, letters: String, expected: String) throws {
    let r = try renderer(letters)
    #expect(r.line(for: VarBind(playpenString, .octetString(value))) == lines(expected), "\(source)")
}

/// Observed with snmpset `x` + snmpget (default, -OT, -Oq) for bytes i*7 mod 256.
@Test("Hex wrapping at 16/17/32/33 bytes", arguments: [
    (16, """
     = Hex-STRING: 00 07 0E 15 1C 23 2A 31 38 3F 46 4D 54 5B 62 69 $
     """, """
     = Hex-STRING: 00 07 0E 15 1C 23 2A 31 38 3F 46 4D 54 5B 62 69   [.....#*18?FMT[bi]$
     """, """
      "00 07 0E 15 1C 23 2A 31 38 3F 46 4D 54 5B 62 69 "$
     """),
    (17, """
     = Hex-STRING: 00 07 0E 15 1C 23 2A 31 38 3F 46 4D 54 5B 62 69 $
     70 $
     """, """
     = Hex-STRING: 00 07 0E 15 1C 23 2A 31 38 3F 46 4D 54 5B 62 69   [.....#*18?FMT[bi]$
     70   [p]$
     """, """
      "00 07 0E 15 1C 23 2A 31 38 3F 46 4D 54 5B 62 69 $
     70 "$
     """),
    (32, """
     = Hex-STRING: 00 07 0E 15 1C 23 2A 31 38 3F 46 4D 54 5B 62 69 $
     70 77 7E 85 8C 93 9A A1 A8 AF B6 BD C4 CB D2 D9 $
     """, """
     = Hex-STRING: 00 07 0E 15 1C 23 2A 31 38 3F 46 4D 54 5B 62 69   [.....#*18?FMT[bi]$
     70 77 7E 85 8C 93 9A A1 A8 AF B6 BD C4 CB D2 D9   [pw~.............]$
     """, """
      "00 07 0E 15 1C 23 2A 31 38 3F 46 4D 54 5B 62 69 $
     70 77 7E 85 8C 93 9A A1 A8 AF B6 BD C4 CB D2 D9 "$
     """),
    (33, """
     = Hex-STRING: 00 07 0E 15 1C 23 2A 31 38 3F 46 4D 54 5B 62 69 $
     70 77 7E 85 8C 93 9A A1 A8 AF B6 BD C4 CB D2 D9 $
     E0 $
     """, """
     = Hex-STRING: 00 07 0E 15 1C 23 2A 31 38 3F 46 4D 54 5B 62 69   [.....#*18?FMT[bi]$
     70 77 7E 85 8C 93 9A A1 A8 AF B6 BD C4 CB D2 D9   [pw~.............]$
     E0   [.]$
     """, """
      "00 07 0E 15 1C 23 2A 31 38 3F 46 4D 54 5B 62 69 $
     70 77 7E 85 8C 93 9A A1 A8 AF B6 BD C4 CB D2 D9 $
     E0 "$
     """),
])
func hexWrapping(count: Int, plain: String, text: String, quick: String) throws {
    let value = SNMPValue.octetString(OctetString((0..<count).map { UInt8(truncatingIfNeeded: $0 * 7) }))
    let name = "iso.3.6.1.4.1.8072.9999.1.2.0"
    #expect(try renderer().line(for: VarBind(playpenString, value)) == lines(name + " " + plain))
    #expect(try renderer("T").line(for: VarBind(playpenString, value)) == lines(name + " " + text))
    #expect(try renderer("q").line(for: VarBind(playpenString, value)) == lines(name + quick))
}

@Test("hexOutputLength 0 disables wrapping (snmp.conf hexOutputLength)")
func hexNoWrap() throws {
    var options = OutputOptions()
    options.hexOutputLength = 0
    let r = NetSNMPRenderer(options: options)
    let value = SNMPValue.octetString(OctetString([UInt8](repeating: 0xAB, count: 20)))
    #expect(r.value(value, displayInfo: nil) == "Hex-STRING: " + String(repeating: "AB ", count: 20))
}

/// Opaque contents as the wire carries them (after the 0x44 tag and length).
@Test("Opaque special types", arguments: [
    ("observed: snmptrap F 13.536 -> snmptrapd", "9f780441589375", "", "Opaque: Float: 13.536000"),
    ("\(doc) §3.6 opaque double", "9f7908c004000000000000", "", "Opaque: Float: -2.500000"),
    ("observed: F 1e30", "9f78047149f2ca", "", "Opaque: Float: 1000000015047466219876688855040.000000"),
    ("observed: F nan", "9f78047fc00000", "", "Opaque: Float: nan"),
    ("observed: D -inf", "9f7908fff0000000000000", "", "Opaque: Float: -inf"),
    ("\(doc) §3.6 -Op .2", "9f780441589375", "p.2", "Opaque: Float: 13.54"),
    ("\(doc) §3.6 -Op 10.3", "9f780441589375", "p10.3", "Opaque: Float:     13.536"),
    ("\(doc) §3.6 -Op '%.2f'", "9f780441589375", "p%.2f", "Opaque: Float: %.2ff"),
    ("mib.c: -Oq drops the prefix", "9f780441589375", "q", "13.536000"),
    ("\(doc) §3.6 UInt64", "9f7b0900ffffffffffffffff", "", "Opaque: UInt64: 18446744073709551615"),
    ("\(doc) §3.6 Int64", "9f7a01d6", "", "Opaque: Int64: -42"),
    ("observed: I -9223372036854775808", "9f7a088000000000000000", "", "Opaque: Int64: -9223372036854775808"),
    ("mib.c sprint_realloc_counter64", "9f760105", "", "Opaque: Counter64: 5"),
    ("mib.c: -Oq", "9f7a01d6", "q", "-42"),
    ("mib.c: raw opaque", "0102", "", "OPAQUE: 01 02 "),
    ("asn1.c: 9f 78 needs outer length 7", "9f7803415893", "", "OPAQUE: 9F 78 03 41 58 93 "),
    ("asn1.c: unknown inner tag stays raw", "9f7701ff", "", "OPAQUE: 9F 77 01 FF "),
    ("asn1.c: two octets are not special", "9f78", "", "OPAQUE: 9F 78 "),
    ("mib.c: raw opaque -Oq", "0102", "q", "01 02 "),
])
func opaque(source: String, contents: String, letters: String, expected: String) throws {
    var options = OutputOptions()
    if !letters.isEmpty { try options.apply(letters) }
    let r = NetSNMPRenderer(options: options)
    #expect(r.value(.opaque(octets(contents)), displayInfo: nil) == expected, "\(source)")
}

@Test("A precision that is not one float conversion falls back to %f instead of reading a missing argument")
func unsafePrecision() throws {
    var options = OutputOptions()
    options.floatPrecision = "s%n"
    let r = NetSNMPRenderer(options: options)
    #expect(r.value(.opaque(octets("9f780441589375")), displayInfo: nil) == "Opaque: Float: 13.536000")
}
