/// Number formatting as Go writes it, so our exposition reads like snmp_exporter's byte for byte.
enum GoFloat {
    /// The shortest decimal digits and the decimal point position of a finite, non-zero `description`
    /// (Swift prints the shortest round-tripping digits, like Go's `-1` precision).
    private static func digits(_ description: String) -> (negative: Bool, digits: [UInt8], point: Int) {
        var text = Substring(description)
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        for character in text.utf8 {
            if character == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            digits.append(character)
            if !seenPoint { point += 1 }
        }
        // Drop leading zeros (moving the point) and trailing zeros.
        while let first = digits.first, first == UInt8(ascii: "0"), digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0"), digits.count > 1 { digits.removeLast() }
        return (negative, digits, point + exponent)
    }

    /// `strconv.FormatFloat(v, 'g', -1, 64)` as the Prometheus text format uses it (with `+Inf`, `NaN`).
    static func exposition(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        if value == value.rounded(), abs(value) < 1e6 { return String(Int64(value)) }
        let (negative, digits, point) = digits(value.description)
        let exponent = point - 1
        var out = negative ? "-" : ""
        if exponent < -4 || exponent >= 6 {  // Go: shortest "g" switches to %e at 1e6
            out += String(decoding: digits.prefix(1), as: UTF8.self)
            if digits.count > 1 { out += "." + String(decoding: digits.dropFirst(), as: UTF8.self) }
            let magnitude = abs(exponent)
            out += (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
            return out
        }
        return out + plain(digits, point)
    }

    /// `strconv.FormatFloat(v, 'f', -1, size)` from Swift's shortest `description` of a Float or Double.
    static func fixed(_ description: String) -> String {
        switch description {
        case "nan", "-nan": return "NaN"
        case "inf": return "+Inf"
        case "-inf": return "-Inf"
        default: break
        }
        let (negative, digits, point) = digits(description)
        if digits == [UInt8(ascii: "0")] { return negative ? "-0" : "0" }
        return (negative ? "-" : "") + plain(digits, point)
    }

    private static func plain(_ digits: [UInt8], _ point: Int) -> String {
        let text = String(decoding: digits, as: UTF8.self)
        if point <= 0 { return "0." + String(repeating: "0", count: -point) + text }
        if point >= digits.count { return text + String(repeating: "0", count: point - digits.count) }
        let split = text.index(text.startIndex, offsetBy: point)
        return text[..<split] + "." + text[split...]
    }
}
