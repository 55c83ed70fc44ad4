import SNMP

/// The `TYPE VALUE` pairs of snmpset (`snmpset(1)`): one letter per SMI type.
enum SetValueParser {
    static let knownTypes: Set<Character> = ["i", "u", "t", "a", "o", "s", "x", "d", "n", "c", "C", "b", "U", "I", "F", "D", "="]

    static func parse(type: String, value: String, name: String, printer: Printer,
                      streams: inout StandardStreams) throws(CommandLineError) -> SNMPValue {
        guard type.count == 1, let letter = type.first, knownTypes.contains(letter) else {
            throw CommandLineError("\(name): Bad object type: \(type.first.map(String.init) ?? "")\n")
        }
        let bad = CommandLineError("\(name): Bad value: \(value)\n")
        switch letter {
        case "i":
            guard let number = Int64(value.trimmingLeadingPlus), let v = Int32(exactly: number) else { throw bad }
            return .integer(v)
        case "u", "c", "t":
            guard let number = UInt64(value.trimmingLeadingPlus) else { throw bad }
            if number > UInt64(UInt32.max) { streams.error("truncating integer value > 32 bits\n") }
            let v = UInt32(truncatingIfNeeded: number)
            return letter == "u" ? .gauge32(v) : letter == "c" ? .counter32(v) : .timeTicks(v)
        case "C":
            guard let number = UInt64(value.trimmingLeadingPlus) else { throw bad }
            return .counter64(number)
        case "a":
            guard let address = IPv4Address(value) else { throw bad }
            return .ipAddress(address)
        case "o":
            return .objectIdentifier(try printer.parseOID(value))
        case "s":
            return .octetString(OctetString(value))
        case "x":
            guard let bytes = hexBytes(value) else { throw bad }
            return .octetString(OctetString(bytes))
        case "d":
            guard let bytes = decimalBytes(value) else { throw bad }
            return .octetString(OctetString(bytes))
        case "b":
            guard let bytes = bitsBytes(value) else { throw bad }
            return .octetString(OctetString(bytes))
        case "n":
            return .null
        case "=":
            throw CommandLineError("\(name): Bad variable type (\"=\")\n")
        default:
            throw CommandLineError("\(name): Bad object type: \(letter)\n")
        }
    }

    /// Hex digits, optionally separated by spaces (`"0A 0b"`, `"0a0b"`).
    static func hexBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var high: UInt8? = nil
        for character in text {
            if character == " " || character == ":" || character == "\t" {
                if let h = high { bytes.append(h); high = nil }
                continue
            }
            guard let digit = character.hexDigitValue else { return nil }
            if let h = high {
                bytes.append(h << 4 | UInt8(digit))
                high = nil
            } else {
                high = UInt8(digit)
            }
        }
        if let h = high { bytes.append(h) }
        return bytes
    }

    /// Decimal octets separated by spaces or dots (`"1 2 255"`, `"10.0.0.1"`).
    static func decimalBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for part in text.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "\t" }) {
            guard let byte = UInt8(part) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// BITS: bit numbers separated by spaces or commas (`"0 3 9"` → `90 40`).
    static func bitsBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for part in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            guard let bit = Int(part), bit >= 0, bit < 65_536 else { return nil }
            let index = bit / 8
            while bytes.count <= index { bytes.append(0) }
            bytes[index] |= 0x80 >> UInt8(bit % 8)
        }
        return bytes
    }
}

extension String {
    var trimmingLeadingPlus: Substring { hasPrefix("+") ? dropFirst() : Substring(self) }
}
