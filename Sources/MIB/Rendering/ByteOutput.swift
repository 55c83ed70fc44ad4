// Small appenders on the byte buffer every rendering path writes into, so a walk builds each line
// in one allocation without String interpolation or Foundation formatting.

@usableFromInline
let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
@usableFromInline
let lowerHexDigits: [UInt8] = Array("0123456789abcdef".utf8)

extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of `text`.
    @inlinable
    mutating func append(text: String) {
        append(contentsOf: text.utf8)
    }

    /// Appends `value` in decimal, as `%lu` does.
    @inlinable
    mutating func append(decimal value: UInt64) {
        if value < 10 {
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        var digitCount = 1
        var probe = value
        while probe >= 10 {
            probe /= 10
            digitCount += 1
        }
        // Grow by the digit count, then fill from the right.
        let start = count
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digitCount))
        var rest = value
        var position = start + digitCount - 1
        while rest > 0 {
            self[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            position -= 1
        }
    }

    /// Appends `value` in decimal with a leading `-` when negative, as `%ld` does.
    @inlinable
    mutating func append(signedDecimal value: Int64) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            append(decimal: value.magnitude)
        } else {
            append(decimal: UInt64(value))
        }
    }

    /// Appends `value` in decimal padded with zeros to at least two digits (`%02d`).
    @inlinable
    mutating func append(twoDigits value: Int) {
        if value < 10 { append(UInt8(ascii: "0")) }
        append(decimal: UInt64(value))
    }

    /// Appends one byte as two uppercase hex digits (`%02X`).
    @inlinable
    mutating func append(hexByte byte: UInt8) {
        append(upperHexDigits[Int(byte >> 4)])
        append(upperHexDigits[Int(byte & 0x0F)])
    }

    /// Appends `value` in lowercase hex without padding (`%lx`).
    @inlinable
    mutating func append(lowerHex value: UInt64) {
        append(radix: 16, value, digits: lowerHexDigits)
    }

    /// Appends `value` in octal (`%lo`).
    @inlinable
    mutating func append(octal value: UInt64) {
        append(radix: 8, value, digits: lowerHexDigits)
    }

    @inlinable
    mutating func append(radix: UInt64, _ value: UInt64, digits table: [UInt8]) {
        var stack: [UInt8] = []
        stack.reserveCapacity(22)
        var rest = value
        repeat {
            stack.append(table[Int(rest % radix)])
            rest /= radix
        } while rest > 0
        append(contentsOf: stack.reversed())
    }
}

/// `isprint(c) || isspace(c)` in the C / C.UTF-8 locale Net-SNMP runs in: 0x20-0x7E and TAB..CR.
@inlinable
func isPrintableOrSpace(_ byte: UInt8) -> Bool {
    (byte >= 0x20 && byte <= 0x7E) || (byte >= 0x09 && byte <= 0x0D)
}
