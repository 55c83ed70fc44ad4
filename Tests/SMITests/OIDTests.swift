import Testing
import SNMPSMI

@Suite struct OIDTests {
    // A literal argument would be coerced through ExpressibleByStringLiteral (SE-0213); parse variables.
    static func parse(_ text: String) -> ObjectIdentifier? { ObjectIdentifier(text) }

    @Test func parsesDottedText() {
        #expect(Self.parse("1.3.6.1")?.arcs == [1, 3, 6, 1])
        #expect(Self.parse(".1.3.6.1")?.arcs == [1, 3, 6, 1])
        #expect(Self.parse("1..3") == nil)
        #expect(Self.parse("") == nil)
        #expect(Self.parse(".") == nil)
        #expect(Self.parse("1.3.") == nil)
        #expect(Self.parse("1.3.x") == nil)
        #expect(Self.parse("1.4294967296") == nil)
        #expect(Self.parse("1.4294967295")?.arcs == [1, 4_294_967_295])
    }

    @Test func ordersLexicographically() {
        let a: ObjectIdentifier = "1.3.6.1.2"
        let b: ObjectIdentifier = "1.3.6.1.2.1"
        let c: ObjectIdentifier = "1.3.6.1.10"
        #expect(a < b)
        #expect(b < c)
        #expect(!(b < a))
        #expect(a.isPrefix(of: b))
        #expect(a.contains(b))
        #expect(!a.contains(a))
        #expect(a.isPrefix(of: a))
    }
}

@Suite struct OIDLiteralTests {
    @Test func malformedLiteralIsTheEmptyUnencodableOID() {
        let bad: ObjectIdentifier = "1.3..6"
        #expect(bad.isEmpty)
        #expect(!bad.isEncodable)
        let good: ObjectIdentifier = "1.3.6.1"
        #expect(good.isEncodable)
        #expect(ObjectIdentifier([1]).isEncodable)      // sent as 1.0, as Net-SNMP does
        #expect(!ObjectIdentifier([1, 40]).isEncodable)
        #expect(ObjectIdentifier([2, 999]).isEncodable)
        #expect(!ObjectIdentifier([3, 1]).isEncodable)
    }
}
