import SNMPMIB
import SNMPSMI
import Testing

/// One varbind, the `-O` letters, and the exact line Net-SNMP prints (`$` = end of line).
struct LineVector: CustomTestStringConvertible, Sendable {
    let source: String
    let oid: ObjectIdentifier
    let value: SNMPValue
    let letters: String
    let expected: String
    var testDescription: String { "\(source): -O\(letters) \(expected)" }

    init(_ source: String, _ oid: ObjectIdentifier, _ value: SNMPValue, _ letters: String, _ expected: String) {
        self.source = source
        self.oid = oid
        self.value = value
        self.letters = letters
        self.expected = expected
    }
}

let doc = "NETSNMP-OUTPUT.md"
let observed = "observed: snmpget 5.9.3 vs interop agent"
let intScalar: ObjectIdentifier = "1.3.6.1.4.1.8072.9999.1.1.0"
let sysDescr: ObjectIdentifier = "1.3.6.1.2.1.1.1.0"
let sysUpTime: ObjectIdentifier = "1.3.6.1.2.1.1.3.0"

let noMIBVectors: [LineVector] = [
    // §3 exceptions ignore -O flags
    .init("\(doc) §3", "1.3.6.1.2.1.1.99.0", .noSuchObject, "",
          "iso.3.6.1.2.1.1.99.0 = No Such Object available on this agent at this OID"),
    .init("\(doc) §3", "1.3.6.1.2.1.1.1.5", .noSuchInstance, "",
          "iso.3.6.1.2.1.1.1.5 = No Such Instance currently exists at this OID"),
    .init("\(doc) §3", "1.3.6.1.6.3.16.1.5.2.1.6.6.95.110.111.110.101.95.1.2", .endOfMibView, "",
          "iso.3.6.1.6.3.16.1.5.2.1.6.6.95.110.111.110.101.95.1.2 = No more variables left in this MIB View (It is past the end of the MIB tree)"),
    .init("\(doc) §3", "1.3.6.1.2.1.1.99.0", .noSuchObject, "q",
          "iso.3.6.1.2.1.1.99.0 No Such Object available on this agent at this OID"),
    .init("\(doc) §3", "1.3.6.1.2.1.1.99.0", .noSuchObject, "v",
          "No Such Object available on this agent at this OID"),
    .init("\(doc) §3", "1.3.6.1.2.1.1.99.0", .noSuchObject, "nxTt",
          ".1.3.6.1.2.1.1.99.0 = No Such Object available on this agent at this OID"),
    // §3.1
    .init("\(doc) §3.1", intScalar, .integer(.min), "", "iso.3.6.1.4.1.8072.9999.1.1.0 = INTEGER: -2147483648"),
    .init("\(doc) §3.1", "1.3.6.1.4.1.8072.9999.1.4.0", .gauge32(.max), "",
          "iso.3.6.1.4.1.8072.9999.1.4.0 = Gauge32: 4294967295"),
    .init("\(doc) §3.1", "1.3.6.1.4.1.8072.9999.1.3.0", .counter32(123456), "",
          "iso.3.6.1.4.1.8072.9999.1.3.0 = Counter32: 123456"),
    .init("\(doc) §3.1", "1.3.6.1.4.1.8072.9999.3.7", .counter64(.max), "n",
          ".1.3.6.1.4.1.8072.9999.3.7 = Counter64: 18446744073709551615"),
    .init("\(doc) §3.1", "1.3.6.1.2.1.4.20.1.1.127.0.0.1", .ipAddress(IPv4Address(127, 0, 0, 1)), "v",
          "IpAddress: 127.0.0.1"),
    .init("\(doc) §3.1", "1.3.6.1.4.1.8072.9999.3.8", .null, "n", ".1.3.6.1.4.1.8072.9999.3.8 = NULL"),
    .init("\(doc) §3.1 (-Oe, -OU without MIBs)", intScalar, .integer(42), "eU",
          "iso.3.6.1.4.1.8072.9999.1.1.0 = INTEGER: 42"),
    // §6 snmpset echoes
    .init("\(doc) §6", intScalar, .integer(42), "", "iso.3.6.1.4.1.8072.9999.1.1.0 = INTEGER: 42"),
    .init("\(doc) §6", playpenString, "hello world", "",
          "iso.3.6.1.4.1.8072.9999.1.2.0 = STRING: \"hello world\""),
    .init("\(doc) §6", "1.3.6.1.4.1.8072.9999.1.6.0", .objectIdentifier("1.3.6.1.4.1.8072.3.2.10"), "",
          "iso.3.6.1.4.1.8072.9999.1.6.0 = OID: iso.3.6.1.4.1.8072.3.2.10"),
    .init("\(doc) §6", playpenString, .octetString([1, 2, 0xFF]), "",
          "iso.3.6.1.4.1.8072.9999.1.2.0 = Hex-STRING: 01 02 FF $"),
    .init("\(doc) §6", playpenString, .octetString([0x50]), "", "iso.3.6.1.4.1.8072.9999.1.2.0 = STRING: \"P\""),
    // §2 names without MIBs
    .init("\(doc) §2", sysDescr, "x", "n", ".1.3.6.1.2.1.1.1.0 = STRING: \"x\""),
    .init("\(doc) §2", "1.3.6.1.2.1.1.2.0", .null, "f", ".iso.3.6.1.2.1.1.2.0 = NULL"),
    .init("\(doc) §2 (-Os -OS -OX change nothing)", "1.3.6.1.2.1.1.2.0", .null, "s", "iso.3.6.1.2.1.1.2.0 = NULL"),
    .init("\(doc) §2", "1.3.6.1.2.1.1.2.0", .null, "X", "iso.3.6.1.2.1.1.2.0 = NULL"),
    .init("\(observed): -Ou keeps the -Of form", sysDescr, "x", "u", ".iso.3.6.1.2.1.1.1.0 = STRING: \"x\""),
    .init("\(observed): 0.x", "0.1", .noSuchObject, "",
          "ccitt.1 = No Such Object available on this agent at this OID"),
    .init("\(observed): 2.x", "2.5.4", .noSuchObject, "",
          "joint-iso-ccitt.5.4 = No Such Object available on this agent at this OID"),
    .init("\(observed): 2.x -Of", "2.5.4", .noSuchObject, "f",
          ".joint-iso-ccitt.5.4 = No Such Object available on this agent at this OID"),
    .init("\(observed): 0.x -On", "0.1", .noSuchObject, "n",
          ".0.1 = No Such Object available on this agent at this OID"),
    // §3.5 OID values follow the name style
    .init("\(doc) §3.5", "1.3.6.1.2.1.2.2.1.22.1", .objectIdentifier("0.0"), "",
          "iso.3.6.1.2.1.2.2.1.22.1 = OID: ccitt.0"),
    .init("\(doc) §2 -Oqn", "1.3.6.1.2.1.2.2.1.22.1", .objectIdentifier("0.0"), "qn",
          ".1.3.6.1.2.1.2.2.1.22.1 .0.0"),
    .init("\(observed): OID value -Of", "1.3.6.1.4.1.8072.9999.1.6.0", .objectIdentifier("0.0"), "f",
          ".iso.3.6.1.4.1.8072.9999.1.6.0 = OID: .ccitt.0"),
    .init("\(observed): OID value 2.999.3", "1.3.6.1.4.1.8072.9999.1.6.0", .objectIdentifier("2.999.3"), "",
          "iso.3.6.1.4.1.8072.9999.1.6.0 = OID: joint-iso-ccitt.999.3"),
    // §1 separators
    .init("\(doc) §1 -OQ", playpenString, "a", "Q", "iso.3.6.1.4.1.8072.9999.1.2.0 = \"a\""),
    .init("\(doc) §1 toggles flip when repeated", playpenString, "a", "qq",
          "iso.3.6.1.4.1.8072.9999.1.2.0 = STRING: \"a\""),
    .init("\(doc) §1 -Ov keeps the type", playpenString, "a", "v", "STRING: \"a\""),
    .init("\(doc) §1 -Oqv", playpenString, "a", "qv", "\"a\""),
    // §3.2
    .init("\(doc) §3.2 -Ot", sysUpTime, .timeTicks(6243), "t", "iso.3.6.1.2.1.1.3.0 = 6243"),
    .init("\(doc) §3.2 -Oqt", sysUpTime, .timeTicks(84631), "qt", "iso.3.6.1.2.1.1.3.0 84631"),
    .init("\(doc) §3.2 -Oq", sysUpTime, .timeTicks(6226), "q", "iso.3.6.1.2.1.1.3.0 0:0:01:02.26"),
    .init("\(doc) §2 -Ov", sysUpTime, .timeTicks(6228), "v", "Timeticks: (6228) 0:01:02.28"),
    // bad type
    .init("SNMPValue.unknown, mib.c sprint_realloc_badtype", intScalar, .unknown(tag: 0x49, contents: []), "",
          "iso.3.6.1.4.1.8072.9999.1.1.0 = Variable has bad type"),
    .init("mib.c sprint_realloc_by_type: no NsapAddress case", intScalar,
          .unknown(tag: 0x45, contents: [1, 2]), "", "iso.3.6.1.4.1.8072.9999.1.1.0 = Variable has bad type"),
    .init("mib.c sprint_realloc_uinteger: no type prefix", intScalar,
          .unknown(tag: 0x47, contents: [0x00, 0xFF, 0xFF, 0xFF, 0xFF]), "",
          "iso.3.6.1.4.1.8072.9999.1.1.0 = 4294967295"),
]

@Test("No-MIB varbind lines", arguments: noMIBVectors)
func noMIBLine(_ vector: LineVector) throws {
    let r = try renderer(vector.letters)
    #expect(r.line(for: VarBind(vector.oid, vector.value)) == lines(vector.expected))
}

@Test("appendLine adds the line feed and appends to what is there")
func appendLineAppends() throws {
    let r = try renderer()
    var out: [UInt8] = Array("x\n".utf8)
    r.appendLine(for: VarBind(intScalar, .integer(1)), to: &out)
    r.appendLine(for: VarBind(intScalar, .integer(2)), to: &out)
    #expect(String(decoding: out, as: UTF8.self)
            == "x\niso.3.6.1.4.1.8072.9999.1.1.0 = INTEGER: 1\niso.3.6.1.4.1.8072.9999.1.1.0 = INTEGER: 2\n")
    var bare: [UInt8] = Array("keep".utf8)
    try renderer("v").appendVariable(VarBind(intScalar, .integer(3)), to: &bare)
    #expect(String(decoding: bare, as: UTF8.self) == "keepINTEGER: 3")
}
