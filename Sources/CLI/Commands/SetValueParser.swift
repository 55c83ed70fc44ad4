import SNMP
import NIOCore

/// The `TYPE VALUE` pairs of snmpset (`snmpset(1)`), with Net-SNMP's parsing rules and messages.
enum SetValueParser {
    /// The type letters snmpset takes (Counter32 and Counter64 are not settable, so `c`/`C` are refused).
    static let knownTypes: Set<Character> = ["=", "i", "u", "t", "a", "o", "s", "x", "d", "b", "n", "U", "I", "F", "D"]

    static func parse(type letter: Character, value: String, name: String, printer: Printer,
                      streams: inout StandardStreams) throws(CommandLineError) -> SNMPValue {
        let badNotation = CommandLineError("\(name): Bad value notation (\(value))\n")
        switch letter {
        case "i":
            // strtol: the whole text must be a decimal number, else "Value out of range".
            guard let number = Int64(value.trimmingLeadingPlus) else {
                throw CommandLineError("\(name): Value out of range (\(value))\n")
            }
            if number > Int64(UInt32.max) || number < -Int64(UInt32.max) {
                streams.error("truncating integer value > 32 bits\n")
            }
            return .integer(Int32(truncatingIfNeeded: number))
        case "u", "t":
            // strtoul: a leading minus wraps around, as C does.
            let magnitude = value.hasPrefix("-") ? value.dropFirst() : value.trimmingLeadingPlus
            guard let number = UInt64(magnitude) else { throw badNotation }
            let wrapped = value.hasPrefix("-") ? 0 &- number : number
            if wrapped > UInt64(UInt32.max) && !value.hasPrefix("-") {
                streams.error("truncating integer value > 32 bits\n")
            }
            let v = UInt32(truncatingIfNeeded: wrapped)
            return letter == "u" ? .gauge32(v) : .timeTicks(v)
        case "a":
            guard let address = IPv4Address(value) else { throw badNotation }
            return .ipAddress(address)
        case "o":
            do {
                return .objectIdentifier(try printer.parseOID(value))
            } catch {
                throw CommandLineError("\(name): " + (error.message.split(separator: ":", maxSplits: 1).last
                    .map { $0.drop { $0 == " " } } ?? "Unknown Object Identifier\n"))
            }
        case "s":
            return .octetString(OctetString(value))
        case "x":
            guard let bytes = hexBytes(value) else { throw badNotation }
            return .octetString(OctetString(bytes))
        case "d":
            guard let bytes = decimalBytes(value) else { throw badNotation }
            return .octetString(OctetString(bytes))
        case "b":
            guard let bytes = bitsBytes(value) else { throw badNotation }
            return .octetString(OctetString(bytes))
        case "n":
            return .null
        case "U", "I", "F", "D":
            guard let opaque = opaque(letter, value) else { throw badNotation }
            return .opaque(OctetString(opaque))
        default:
            throw CommandLineError("\(name): Bad variable type (\"\(letter)\")\n")
        }
    }

    /// Hex digit pairs, optionally separated by blanks (`"0A 0b"`, `"0a0b"`); an odd digit count is an error.
    static func hexBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var high: UInt8? = nil
        for character in text {
            if character == " " || character == "\t" {
                guard high == nil else { return nil }
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
        return high == nil ? bytes : nil
    }

    /// Decimal octets separated by blanks or dots (`"1 2 255"`, `"1.2.3"`).
    static func decimalBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for part in text.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "\t" }) {
            guard let byte = UInt8(part) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// BITS: bit numbers separated by blanks or commas (`"0 3 9"` → `90 40`), at most 8,192 bits.
    static func bitsBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for part in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            guard let bit = Int(part), bit >= 0, bit < 8_192 else { return nil }
            let index = bit / 8
            while bytes.count <= index { bytes.append(0) }
            bytes[index] |= 0x80 >> UInt8(bit % 8)
        }
        return bytes
    }

    /// Net-SNMP's Opaque-wrapped types: `9F 7B` UInt64, `9F 7A` Int64, `9F 78` float, `9F 79` double.
    static func opaque(_ letter: Character, _ text: String) -> [UInt8]? {
        var buffer = ByteBuffer()
        switch letter {
        case "U":
            guard let v = UInt64(text.trimmingLeadingPlus) else { return nil }
            buffer.writeBERUnsigned(v, tag: 0x7B)
        case "I":
            guard let v = Int64(text.trimmingLeadingPlus) else { return nil }
            buffer.writeBERInteger(v, tag: 0x7A)
        case "F":
            guard let v = Float(text) else { return nil }
            buffer.writeInteger(UInt8(0x78))
            buffer.writeInteger(UInt8(4))
            buffer.writeInteger(v.bitPattern)
        case "D":
            guard let v = Double(text) else { return nil }
            buffer.writeInteger(UInt8(0x79))
            buffer.writeInteger(UInt8(8))
            buffer.writeInteger(v.bitPattern)
        default:
            return nil
        }
        return [0x9F] + Array(buffer.readableBytesView)
    }
}

extension String {
    var trimmingLeadingPlus: Substring { hasPrefix("+") ? dropFirst() : Substring(self) }
}
