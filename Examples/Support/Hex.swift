/// The octets of a hex string such as `"80001f88..."` (an optional `0x` first), for keys and engine IDs.
func hexBytes(_ text: String) throws -> [UInt8] {
    let digits = Array((text.hasPrefix("0x") ? String(text.dropFirst(2)) : text).utf8)
    guard digits.count.isMultiple(of: 2) else { throw ExampleError("\(text): odd number of hex digits") }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(digits.count / 2)
    var index = 0
    while index < digits.count {
        guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
            throw ExampleError("\(text): not hex")
        }
        bytes.append(byte)
        index += 2
    }
    return bytes
}
