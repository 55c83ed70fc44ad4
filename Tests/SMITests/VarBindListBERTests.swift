import NIOCore
import SNMPSMI
import Testing

/// The VarBindList encoder sizes the whole list first and stores it in one pass; its output must equal the
/// plain TLV composition (X.690 §8.9: SEQUENCE { SEQUENCE { name, value } ... }) built from the per-value
/// writer, whose bytes the golden vectors pin, for every value type and for lists needing long-form lengths.
@Suite struct VarBindListBERTests {
    /// `30 len (30 len OID value)*` assembled TLV by TLV with the single-value writers.
    static func composed(_ varBinds: [VarBind]) -> [UInt8] {
        var items: [UInt8] = []
        for varBind in varBinds {
            var item = ByteBuffer()
            item.writeBERObjectIdentifier(varBind.oid)
            item.writeBERValue(varBind.value)
            var header = ByteBuffer()
            header.writeBERHeader(tag: BERTag.sequence, length: item.readableBytes)
            items += Array(header.readableBytesView) + Array(item.readableBytesView)
        }
        var header = ByteBuffer()
        header.writeBERHeader(tag: BERTag.sequence, length: items.count)
        return Array(header.readableBytesView) + items
    }

    static let everyValue: [SNMPValue] =
        SNMPValueBERTests.vectors.map(\.value) + BERIntegerTests.golden.map(\.value)
        + BERUnsignedTests.golden.map(\.value) + BERObjectIdentifierTests.golden.map(\.value)

    @Test func everyValueTypeMatchesTheComposedEncoding() throws {
        let varBinds = Self.everyValue.enumerated().map { index, value in
            VarBind(ObjectIdentifier([1, 3, 6, 1, 4, 1, 8072, 9999, UInt32(index), 0]), value)
        }
        var encoded = ByteBuffer()
        encoded.writeBERVarBindList(varBinds)
        #expect(Array(encoded.readableBytesView) == Self.composed(varBinds))
        #expect(try encoded.readBERVarBindList() == varBinds)
    }

    struct ListVector: Sendable, CustomTestStringConvertible {
        let stringLength: Int
        let count: Int
        var testDescription: String { "\(count) varbinds with \(stringLength)-byte strings" }
    }

    /// Item and list lengths across 127/128, 255/256 and 65535/65536 (X.690 §8.1.3.5 long forms).
    @Test(arguments: [
        ListVector(stringLength: 0, count: 0), ListVector(stringLength: 110, count: 1),
        ListVector(stringLength: 111, count: 1), ListVector(stringLength: 112, count: 1),
        ListVector(stringLength: 240, count: 1), ListVector(stringLength: 300, count: 3),
        ListVector(stringLength: 65_520, count: 1), ListVector(stringLength: 1_000, count: 70),
    ])
    func longFormsMatchTheComposedEncoding(_ vector: ListVector) throws {
        let varBinds = (0..<vector.count).map { index in
            VarBind(ObjectIdentifier([1, 3, 6, 1, 2, 1, 1, UInt32(index)]),
                    .octetString(OctetString([UInt8](repeating: UInt8(truncatingIfNeeded: index), count: vector.stringLength))))
        }
        var encoded = ByteBuffer()
        encoded.writeBERVarBindList(varBinds)
        #expect(Array(encoded.readableBytesView) == Self.composed(varBinds))
        #expect(try encoded.readBERVarBindList() == varBinds)
    }

    /// The list is appended after whatever the buffer already holds.
    @Test func appendsAfterExistingBytes() throws {
        var encoded = ByteBuffer(bytes: [0xAA, 0xBB])
        encoded.writeBERVarBindList([VarBind("1.3.6.1.2.1.1.1.0")])
        #expect(Hex.string(encoded) == "aabb" + "300e300c06082b060102010101000500")
    }
}
