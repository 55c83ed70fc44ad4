import SNMPSMI
import Testing

@testable import SNMPMIB

/// INDEX decoding (RFC 2578 §7.7) as Net-SNMP 5.9.3 prints it, on hand-built INDEX clauses.
@Suite struct IndexDecodingTests {
    struct Vector: Sendable, CustomStringConvertible {
        let components: [MIBIndexComponent]
        let arcs: [UInt32]
        let options: String
        let expected: String
        var description: String { "\(arcs) -O\(options) -> \(expected)" }
    }

    static let integer = MIBIndexComponent(name: "i", kind: .integer(enums: [:]), implied: false)
    static let addressType = MIBIndexComponent(name: "t", kind: .integer(enums: [1: "ipv4", 2: "ipv6", 3: "ipv4z"]),
                                               implied: false)
    static let inetAddress = MIBIndexComponent(
        name: "a", kind: .octetString(fixedLength: nil, hint: nil, inetAddress: true), implied: false)
    static let adminString = MIBIndexComponent(
        name: "s", kind: .octetString(fixedLength: nil, hint: "255t", inetAddress: false), implied: false)
    static let impliedString = MIBIndexComponent(
        name: "s", kind: .octetString(fixedLength: nil, hint: "255t", inetAddress: false), implied: true)
    static let engineID = MIBIndexComponent(
        name: "e", kind: .octetString(fixedLength: nil, hint: nil, inetAddress: false), implied: false)
    static let macAddress = MIBIndexComponent(
        name: "m", kind: .octetString(fixedLength: 6, hint: "1x:", inetAddress: false), implied: false)
    static let ipAddress = MIBIndexComponent(name: "ip", kind: .ipAddress, implied: false)
    static let networkAddress = MIBIndexComponent(name: "na", kind: .networkAddress, implied: false)
    static let oid = MIBIndexComponent(name: "o", kind: .objectIdentifier, implied: false)

    /// Expected texts recorded from `snmptranslate` 5.9.3 on the IETF modules whose INDEX clauses these mirror
    /// (ipNetToPhysicalTable, ipAddressTable, vacmSecurityToGroupTable, mteTriggerTable, usmUserTable,
    /// dot1dTpFdbTable, ipAddrTable, atTable, vacmViewTreeFamilyTable).
    static let vectors: [Vector] = [
        Vector(components: [integer, addressType, inetAddress], arcs: [2, 1, 4, 10, 0, 0, 1], options: "",
               expected: ".2.ipv4.\"10.0.0.1\""),
        Vector(components: [integer, addressType, inetAddress], arcs: [2, 1, 4, 10, 0, 0, 1], options: "X",
               expected: "[2][ipv4][\"10.0.0.1\"]"),
        Vector(components: [integer, addressType, inetAddress], arcs: [2, 1, 4, 10, 0, 0, 1], options: "b",
               expected: ".2.1.4.10.0.0.1"),
        Vector(components: [integer, addressType, inetAddress], arcs: [2, 1, 4, 10, 0, 0], options: "",
               expected: ".2.ipv4.4.10.0.0"),
        Vector(components: [integer, addressType, inetAddress], arcs: [2, 1, 4, 10, 0, 0], options: "X",
               expected: "[2][ipv4][.4.10.0.0"),
        Vector(components: [integer, addressType, inetAddress], arcs: [2, 9, 4, 10, 0, 0, 1], options: "",
               expected: ".2.9.\"....\""),
        Vector(components: [addressType, inetAddress], arcs: [2, 16, 254, 128, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8],
               options: "", expected: ".ipv6.\"fe:80:00:00:00:00:00:00:01:02:03:04:05:06:07:08\""),
        Vector(components: [addressType, inetAddress], arcs: [3, 8, 127, 0, 0, 1, 0, 0, 0, 9], options: "",
               expected: ".ipv4z.\"127.0.0.1%9\""),
        Vector(components: [addressType, inetAddress], arcs: [1, 5, 127, 0, 0, 1, 9], options: "",
               expected: ".ipv4.\".....\""),
        Vector(components: [integer, adminString], arcs: [1, 5, 99, 111, 109, 109, 49], options: "",
               expected: ".1.\"comm1\""),
        Vector(components: [integer, adminString], arcs: [1, 5, 99, 111, 109, 109, 49], options: "X",
               expected: "[1][STRING: comm1]"),
        Vector(components: [integer, adminString], arcs: [1, 5, 99, 111, 109, 109, 49], options: "E",
               expected: ".1.\\\"comm1\\\""),
        Vector(components: [integer, adminString], arcs: [1, 5, 99, 34, 109, 109, 49], options: "",
               expected: ".1.\"c\"mm1\""),
        Vector(components: [integer, adminString], arcs: [1, 5, 99, 111, 9, 109, 49], options: "",
               expected: ".1.\"co.m1\""),
        Vector(components: [adminString, impliedString], arcs: [1, 111, 116], options: "",
               expected: ".\"o\".'t'"),
        Vector(components: [adminString, impliedString], arcs: [1, 111, 116], options: "X",
               expected: "[STRING: o][STRING: t]"),
        Vector(components: [engineID, adminString], arcs: [3, 128, 0, 31, 3, 117, 115, 114], options: "",
               expected: ".\"...\".\"usr\""),
        Vector(components: [engineID, adminString], arcs: [3, 128, 0, 31, 3, 117, 115, 114], options: "X",
               expected: "[\"...\"][STRING: usr]"),
        Vector(components: [macAddress], arcs: [0, 1, 2, 3, 4, 5], options: "", expected: ".'......'"),
        Vector(components: [macAddress], arcs: [0, 1, 2, 3, 4, 5], options: "X", expected: "[STRING: 0:1:2:3:4:5]"),
        Vector(components: [macAddress], arcs: [6, 0, 1, 2, 3, 4, 5], options: "", expected: ".'......'.5"),
        Vector(components: [ipAddress], arcs: [127, 0, 0, 1], options: "", expected: ".127.0.0.1"),
        Vector(components: [ipAddress], arcs: [127, 0, 0, 1], options: "X", expected: "[127.0.0.1]"),
        Vector(components: [integer, networkAddress], arcs: [2, 1, 10, 0, 0, 1], options: "X",
               expected: "[2][1.10.0.0.1]"),
        Vector(components: [adminString, oid], arcs: [3, 97, 98, 99, 4, 1, 3, 6, 1], options: "",
               expected: ".\"abc\".4.1.3.6.1"),
        Vector(components: [integer], arcs: [1, 5], options: "", expected: ".1.5"),
        Vector(components: [integer], arcs: [1, 5], options: "X", expected: "[1].5"),
    ]

    @Test(arguments: vectors)
    func suffixMatchesNetSNMP(_ vector: Vector) throws {
        var options = OutputOptions()
        try options.apply(vector.options)
        let decoder = MIBIndexDecoder(components: vector.components)
        let text = decoder.suffix(for: vector.arcs[...], options: options) { $0.description }
        #expect(text == vector.expected)
    }

    @Test func oidIndexUnderExtendedFormatUsesTheNamePrinter() throws {
        var options = OutputOptions()
        try options.apply("X")
        let decoder = MIBIndexDecoder(components: [Self.adminString, Self.oid])
        let text = decoder.suffix(for: [3, 97, 98, 99, 4, 1, 3, 6, 1], options: options) { _ in "SNMPv2-SMI::internet" }
        #expect(text == "[STRING: abc][SNMPv2-SMI::internet]")
    }

    @Test func typedDecodingRecoversEveryValue() {
        let decoder = MIBIndexDecoder(components: [Self.integer, Self.addressType, Self.inetAddress])
        let values = decoder.decode([2, 1, 4, 10, 0, 0, 1])
        #expect(values == [.integer(2, label: nil), .integer(1, label: "ipv4"), .octets([10, 0, 0, 1])])
        #expect(decoder.decode([2, 1, 4, 10, 0, 0]) == nil)        // string runs past the end
        #expect(decoder.decode([2, 1, 4, 10, 0, 0, 1, 7]) == nil)  // arcs left over
        let implied = MIBIndexDecoder(components: [Self.adminString, Self.impliedString])
        #expect(implied.decode([1, 111, 116]) == [.octets([111]), .octets([116])])
        #expect(MIBIndexDecoder(components: [Self.engineID]).decode([2, 300, 1]) == nil)   // not a byte
    }
}
