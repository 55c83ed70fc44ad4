import NIOCore
import Testing

/// Hex text <-> bytes for golden vectors. Whitespace is ignored so vectors can be grouped by TLV.
enum Hex {
    static func bytes(_ text: String) -> [UInt8] {
        let digits = text.filter { !$0.isWhitespace }
        guard digits.count % 2 == 0 else {
            Issue.record("odd number of hex digits in \(text)")
            return []
        }
        var result: [UInt8] = []
        result.reserveCapacity(digits.count / 2)
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let byte = UInt8(digits[index..<next], radix: 16) else {
                Issue.record("bad hex digits \(digits[index..<next]) in \(text)")
                return []
            }
            result.append(byte)
            index = next
        }
        return result
    }

    static func buffer(_ text: String) -> ByteBuffer {
        ByteBuffer(bytes: bytes(text))
    }

    /// Lower-case hex of the readable bytes, no separators.
    static func string(_ buffer: ByteBuffer) -> String {
        string(Array(buffer.readableBytesView))
    }

    static func string(_ bytes: [UInt8]) -> String {
        let digits: [Character] = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    /// The hex a writer closure produces.
    static func encoding(_ body: (inout ByteBuffer) -> Void) -> String {
        var buffer = ByteBuffer()
        body(&buffer)
        return string(buffer)
    }

    /// `text` without whitespace, lower-cased, to compare with ``string(_:)``.
    static func normalized(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace }).lowercased()
    }
}
