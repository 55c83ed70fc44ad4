import SNMPSMI
import Testing

/// One golden encoding of an ``SNMPValue``: the value, its exact BER bytes, and where the bytes come from.
struct ValueVector: Sendable, CustomTestStringConvertible {
    let value: SNMPValue
    let hex: String
    let source: String

    init(_ value: SNMPValue, _ hex: String, _ source: String) {
        self.value = value
        self.hex = hex
        self.source = source
    }

    var testDescription: String { "\(value) = \(Hex.normalized(hex)) [\(source)]" }

    /// Encodes `value` and decodes `hex`, checking both directions against each other.
    func check() throws {
        #expect(Hex.encoding { $0.writeBERValue(value) } == Hex.normalized(hex), "encode: \(source)")
        var buffer = Hex.buffer(hex)
        let decoded = try buffer.readBERValue()
        #expect(decoded == value, "decode: \(source)")
        #expect(buffer.readableBytes == 0, "decode consumed the whole TLV")
    }
}

/// One input the decoder must read as `value` although an encoder would write it differently.
struct TolerantVector: Sendable, CustomTestStringConvertible {
    let hex: String
    let value: SNMPValue
    let source: String

    init(_ hex: String, _ value: SNMPValue, _ source: String) {
        self.hex = hex
        self.value = value
        self.source = source
    }

    var testDescription: String { "\(Hex.normalized(hex)) -> \(value) [\(source)]" }

    func check() throws {
        var buffer = Hex.buffer(hex)
        #expect(try buffer.readBERValue() == value, "\(source)")
        #expect(buffer.readableBytes == 0)
    }
}

/// One input the decoder must reject with `code`.
struct MalformedVector: Sendable, CustomTestStringConvertible {
    let hex: String
    let code: BERError.Code
    let source: String

    init(_ hex: String, _ code: BERError.Code, _ source: String) {
        self.hex = hex
        self.code = code
        self.source = source
    }

    var testDescription: String { "\(Hex.normalized(hex)) -> \(code) [\(source)]" }
}
