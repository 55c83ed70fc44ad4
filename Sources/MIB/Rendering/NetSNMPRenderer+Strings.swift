import SNMPSMI

extension NetSNMPRenderer {
    /// `sprint_realloc_octet_string`: DISPLAY-HINT when the MIB gives one, else text or hex by
    /// the printability guess (or -Oa / -Ox).
    func appendOctetString(_ string: OctetString, hint: String?, units: String?, to out: inout [UInt8]) {
        string.withBytes { appendOctetString(bytes: $0, hint: hint, units: units, to: &out) }
    }

    /// The octet-string printer on the bytes themselves (also the bad-hint fallback).
    func appendOctetString(bytes: UnsafeRawBufferPointer, hint: String?, units: String?, to out: inout [UInt8]) {
        if let hint {
            appendHintedOctetString(bytes, hint: hint, units: units, to: &out)
            return
        }
        let hex: Bool
        switch options.stringFormat {
        case .guess: hex = !bytes.allSatisfy(isPrintableOrSpace)
        case .ascii: hex = false
        case .hex: hex = true
        }
        // Section 3.3: the empty string is `""` whatever the style, with no prefix and no units.
        if bytes.isEmpty {
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "\"")])
            return
        }
        if hex {
            if options.quickPrint {
                out.append(UInt8(ascii: "\""))
            } else {
                out.append(text: "Hex-STRING: ")
            }
            appendHexString(bytes, to: &out)
            if options.quickPrint { out.append(UInt8(ascii: "\"")) }
        } else {
            if !options.quickPrint { out.append(text: "STRING: ") }
            out.append(UInt8(ascii: "\""))
            appendASCIIString(bytes, to: &out)
            out.append(UInt8(ascii: "\""))
        }
        appendUnits(units, to: &out)
    }

    /// `sprint_realloc_hexstring`: `%02X ` per byte, a line feed after every `hexOutputLength`
    /// bytes when more follow, and with -OT the text of each line in `  [...]`.
    func appendHexString(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        var lineLength = options.hexOutputLength
        if lineLength <= 0 { lineLength = bytes.count }
        out.reserveCapacity(out.count + bytes.count * (options.printHexText ? 4 : 3) + bytes.count / max(lineLength, 1) * 5 + 8)
        var start = 0
        var remaining = bytes.count
        while remaining > lineLength {
            appendHexLine(bytes, from: start, count: lineLength, to: &out)
            out.append(UInt8(ascii: "\n"))
            start += lineLength
            remaining -= lineLength
        }
        appendHexLine(bytes, from: start, count: remaining, to: &out)
    }

    private func appendHexLine(_ bytes: UnsafeRawBufferPointer, from start: Int, count: Int, to out: inout [UInt8]) {
        for i in start..<(start + count) {
            out.append(hexByte: bytes[i])
            out.append(0x20)
        }
        guard options.printHexText else { return }
        out.append(contentsOf: [0x20, 0x20, UInt8(ascii: "[")])
        for i in start..<(start + count) {
            // sprint_char: printable and white space raw (no escaping), anything else '.'.
            let byte = bytes[i]
            out.append(isPrintableOrSpace(byte) ? byte : UInt8(ascii: "."))
        }
        out.append(UInt8(ascii: "]"))
    }

    /// `sprint_realloc_asciistring`: `"` and `\` escaped, white space raw, other non-printables `.`.
    func appendASCIIString(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + bytes.count + 2)
        for byte in bytes {
            if isPrintableOrSpace(byte) {
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "."))
            }
        }
    }

    /// The DISPLAY-HINT branch of `sprint_realloc_octet_string` (RFC 2579 §3.1 octet-format), with
    /// Net-SNMP's quirks: `x` is lowercase and unpadded before a separator (unless -O0), `a`/`t`
    /// copy bytes raw unless the chunk holds a NUL, and a bad hint is named and ignored.
    func appendHintedOctetString(_ bytes: UnsafeRawBufferPointer, hint: String, units: String?,
                                 to out: inout [UInt8]) {
        let savedCount = out.count
        let spec = Array(hint.utf8)
        // The C code walks a NUL-terminated string; reading past the end yields NUL here.
        func at(_ i: Int) -> UInt8 { i < spec.count ? spec[i] : 0 }
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        func takesSeparator(_ c: UInt8, width: Int) -> Bool {
            c != 0 && c != UInt8(ascii: "*") && !isDigit(c)
                && (width != 0 || (c != UInt8(ascii: "x") && c != UInt8(ascii: "d") && c != UInt8(ascii: "o")))
        }

        if !options.quickPrint { out.append(text: "STRING: ") }
        var h = 0
        var cp = 0
        let end = bytes.count
        var width = 1
        var code = UInt8(ascii: "d")
        var separator: UInt8 = 0
        var terminator: UInt8 = 0
        while cp < end {
            var repeatCount = 1
            if at(h) != 0 {
                // RFC 2579 §3.1: [*] [length] format [separator] [terminator]
                if at(h) == UInt8(ascii: "*") {
                    repeatCount = Int(bytes[cp])
                    cp += 1
                    h += 1
                }
                width = 0
                while isDigit(at(h)) {
                    width = min(width * 10 + Int(at(h) - UInt8(ascii: "0")), 1 << 24)
                    h += 1
                }
                code = at(h)
                h += 1
                if takesSeparator(at(h), width: width) {
                    separator = at(h)
                    h += 1
                } else {
                    separator = 0
                }
                if takesSeparator(at(h), width: width) {
                    terminator = at(h)
                    h += 1
                } else {
                    terminator = 0
                }
                if width == 0 { width = 1 }
            }
            while repeatCount > 0 && cp < end {
                var value: Int64 = 0
                if code != UInt8(ascii: "a") && code != UInt8(ascii: "t") {
                    // Net-SNMP reads `width` bytes even past the end; here the value stops at the end.
                    var x = 0
                    while x < width && cp < end {
                        value = value &* 256 &+ Int64(bytes[cp])
                        cp += 1
                        x += 1
                    }
                }
                switch code {
                case UInt8(ascii: "x"):
                    if value < 16 && width == 1 && (options.twoDigitHex || (separator == 0 && at(h) == 0)) {
                        out.append(UInt8(ascii: "0"))
                    }
                    out.append(lowerHex: UInt64(bitPattern: value))
                case UInt8(ascii: "d"):
                    out.append(signedDecimal: value)
                case UInt8(ascii: "o"):
                    out.append(octal: UInt64(bitPattern: value))
                case UInt8(ascii: "a"), UInt8(ascii: "t"):
                    let count = min(width, end - cp)
                    let chunk = UnsafeRawBufferPointer(rebasing: bytes[cp..<(cp + count)])
                    if chunk.contains(0) {
                        appendASCIIString(chunk, to: &out)
                    } else {
                        out.append(contentsOf: chunk)
                    }
                    cp += count
                default:
                    out.removeSubrange(savedCount...)
                    out.append(text: "(Bad hint ignored: ")
                    out.append(text: hint)
                    out.append(contentsOf: [UInt8(ascii: ")"), 0x20])
                    appendOctetString(bytes: bytes, hint: nil, units: nil, to: &out)
                    return
                }
                if cp < end && separator != 0 { out.append(separator) }
                repeatCount -= 1
            }
            if terminator != 0 && cp < end { out.append(terminator) }
        }
        appendUnits(units, to: &out)
    }

    /// `sprint_realloc_bitstring`: hex of the bytes, then each set bit as `label(n) ` (or `n `).
    func appendBits(_ string: OctetString, enums: [Int64: String], to out: inout [UInt8]) {
        string.withBytes { bytes in
            out.append(text: options.quickPrint ? "\"" : "BITS: ")
            appendHexString(bytes, to: &out)
            if options.quickPrint {
                out.append(UInt8(ascii: "\""))
                return
            }
            for (byteIndex, byte) in bytes.enumerated() {
                for bit in 0..<8 where byte & (0x80 >> bit) != 0 {
                    let number = Int64(byteIndex * 8 + bit)
                    if let label = enums[number], !options.numericEnums {
                        out.append(text: label)
                        out.append(UInt8(ascii: "("))
                        out.append(decimal: UInt64(number))
                        out.append(contentsOf: [UInt8(ascii: ")"), 0x20])
                    } else {
                        out.append(decimal: UInt64(number))
                        out.append(0x20)
                    }
                }
            }
        }
    }

    /// `sprint_realloc_nsapaddress`.
    func appendNsapAddress(_ string: OctetString, to out: inout [UInt8]) {
        if !options.quickPrint { out.append(text: "NsapAddress: ") }
        string.withBytes { appendHexString($0, to: &out) }
    }
}
