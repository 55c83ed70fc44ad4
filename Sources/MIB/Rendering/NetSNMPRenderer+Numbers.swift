import SNMPSMI

extension NetSNMPRenderer {
    /// `sprint_realloc_integer`: `label(n)` for a known enumeration (`label` under -Oq, `n` under
    /// -Oe), otherwise the number, through an integer DISPLAY-HINT when there is one.
    func appendInteger(_ value: Int64, hints: Hints, to out: inout [UInt8]) {
        if !options.quickPrint { out.append(text: "INTEGER: ") }
        appendEnumerated(value, unsigned: false, hints: hints, to: &out)
    }

    /// `sprint_realloc_uinteger` (historic UInteger32): like INTEGER but with no type prefix.
    func appendUInteger32(_ value: UInt32, hints: Hints, to out: inout [UInt8]) {
        appendEnumerated(Int64(value), unsigned: true, hints: hints, to: &out)
    }

    private func appendEnumerated(_ value: Int64, unsigned: Bool, hints: Hints, to out: inout [UInt8]) {
        let label = hints.enums.isEmpty ? nil : hints.enums[value]
        if let label, !options.numericEnums {
            out.append(text: label)
            if !options.quickPrint {
                out.append(UInt8(ascii: "("))
                out.append(signedDecimal: value)
                out.append(UInt8(ascii: ")"))
            }
        } else if let hint = hints.hint {
            appendHintedInteger(value, hint: hint, to: &out)
        } else {
            out.append(signedDecimal: value)
        }
        appendUnits(hints.units, to: &out)
    }

    /// `sprint_realloc_gauge` (Gauge32 and Unsigned32): no enumerations, but DISPLAY-HINT and UNITS.
    func appendGauge32(_ value: UInt32, hints: Hints, to out: inout [UInt8]) {
        if !options.quickPrint { out.append(text: "Gauge32: ") }
        if let hint = hints.hint {
            appendHintedInteger(Int64(value), hint: hint, to: &out)
        } else {
            out.append(decimal: UInt64(value))
        }
        appendUnits(hints.units, to: &out)
    }

    /// `sprint_realloc_counter`: hints are ignored, UNITS kept.
    func appendCounter32(_ value: UInt32, units: String?, to out: inout [UInt8]) {
        if !options.quickPrint { out.append(text: "Counter32: ") }
        out.append(decimal: UInt64(value))
        appendUnits(units, to: &out)
    }

    /// `sprint_realloc_hinted_integer`: RFC 2579 §3.1 integer formats `d[-N]`, `x`, `o`, `b`.
    ///
    /// Net-SNMP quirks kept: `d-N` writes `.05` (no leading zero) and puts the sign in front,
    /// `x`/`o` print the 64-bit two's complement of negative values, and `b` always prints 32 bits.
    func appendHintedInteger(_ value: Int64, hint: String, to out: inout [UInt8]) {
        let spec = Array(hint.utf8)
        guard let format = spec.first else {
            out.append(signedDecimal: value)
            return
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(34)
        var negative = false
        var shift = 0
        switch format {
        case UInt8(ascii: "d"):
            if spec.count > 1 && spec[1] == UInt8(ascii: "-") {
                shift = Self.cAtoi(spec.dropFirst(2))
            }
            negative = value < 0
            digits.append(decimal: value.magnitude)
        case UInt8(ascii: "x"):
            digits.append(lowerHex: UInt64(bitPattern: value))
        case UInt8(ascii: "o"):
            digits.append(octal: UInt64(bitPattern: value))
        case UInt8(ascii: "b"):
            var bit: UInt64 = 0x8000_0000
            while bit != 0 {
                digits.append(UInt64(bitPattern: value) & bit != 0 ? UInt8(ascii: "1") : UInt8(ascii: "0"))
                bit >>= 1
            }
        default:
            // Net-SNMP hands any other letter to printf as a conversion (undefined); print the number.
            digits.append(signedDecimal: value)
        }
        if negative { out.append(UInt8(ascii: "-")) }
        if shift > 0 {
            // Insert the decimal point `shift` digits from the right, zero-filling on the left.
            if shift <= digits.count {
                out.append(contentsOf: digits[..<(digits.count - shift)])
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[(digits.count - shift)...])
            } else {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: shift - digits.count))
                out.append(contentsOf: digits)
            }
        } else {
            out.append(contentsOf: digits)
        }
    }

    /// C `atoi`: optional blanks and sign, then digits; 0 when there are none. Negative and huge
    /// shifts (undefined behaviour in Net-SNMP) are clamped.
    static func cAtoi(_ text: ArraySlice<UInt8>) -> Int {
        var rest = text.drop { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        var sign = 1
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            rest = rest.dropFirst()
        }
        var value = 0
        for byte in rest {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { break }
            value = min(value * 10 + Int(byte - UInt8(ascii: "0")), 200)
        }
        return max(0, sign * value)
    }

    /// `sprint_realloc_timeticks`: `Timeticks: (N) ` + uptime, the -Oq uptime layout, or -Ot's number.
    func appendTimeTicks(_ ticks: UInt32, units: String?, to out: inout [UInt8]) {
        if options.numericTimeTicks {
            // -Ot returns before the prefix and before UNITS.
            out.append(decimal: UInt64(ticks))
            return
        }
        if !options.quickPrint {
            out.append(text: "Timeticks: (")
            out.append(decimal: UInt64(ticks))
            out.append(contentsOf: [UInt8(ascii: ")"), 0x20])
        }
        Self.appendUptime(ticks, quick: options.quickPrint, to: &out)
        appendUnits(units, to: &out)
    }

    /// Net-SNMP's `uptimeString`: `D days, H:MM:SS.cc`, or `D:H:MM:SS.cc` under -Oq.
    static func appendUptime(_ ticks: UInt32, quick: Bool, to out: inout [UInt8]) {
        let centiseconds = Int(ticks % 100)
        var seconds = Int(ticks / 100)
        let days = seconds / 86_400
        seconds %= 86_400
        let hours = seconds / 3600
        seconds %= 3600
        let minutes = seconds / 60
        seconds %= 60
        if quick {
            out.append(decimal: UInt64(days))
            out.append(UInt8(ascii: ":"))
        } else if days == 1 {
            out.append(text: "1 day, ")
        } else if days > 1 {
            out.append(decimal: UInt64(days))
            out.append(text: " days, ")
        }
        out.append(decimal: UInt64(hours))
        out.append(UInt8(ascii: ":"))
        out.append(twoDigits: minutes)
        out.append(UInt8(ascii: ":"))
        out.append(twoDigits: seconds)
        out.append(UInt8(ascii: "."))
        out.append(twoDigits: centiseconds)
    }

    /// `sprint_realloc_counter64`, also for the opaque-wrapped 64-bit integers.
    func appendCounter64(_ value: RenderedValue, units: String?, to out: inout [UInt8]) {
        if !options.quickPrint {
            switch value {
            case .opaqueUInt64: out.append(text: "Opaque: UInt64: ")
            case .opaqueInt64: out.append(text: "Opaque: Int64: ")
            case .opaqueCounter64: out.append(text: "Opaque: Counter64: ")
            default: out.append(text: "Counter64: ")
            }
        }
        switch value {
        case .opaqueInt64(let v): out.append(signedDecimal: v)
        case .counter64(let v), .opaqueUInt64(let v), .opaqueCounter64(let v): out.append(decimal: v)
        default: break
        }
        appendUnits(units, to: &out)
    }

    /// `sprint_realloc_opaque`: the special types go to their printers, raw Opaque is hex.
    func appendOpaque(_ value: RenderedValue, units: String?, to out: inout [UInt8]) {
        switch value {
        case .opaqueCounter64, .opaqueUInt64, .opaqueInt64:
            appendCounter64(value, units: units, to: &out)
        case .opaqueFloat(let f):
            appendFloat(Double(f), units: units, to: &out)
        case .opaqueDouble(let d):
            appendFloat(d, units: units, to: &out)
        case .opaque(let s):
            if !options.quickPrint { out.append(text: "OPAQUE: ") }
            s.withBytes { appendHexString($0, to: &out) }
            appendUnits(units, to: &out)
        default:
            break
        }
    }

    /// `sprint_realloc_float` / `sprint_realloc_double`: both say "Float" (a Net-SNMP quirk).
    func appendFloat(_ value: Double, units: String?, to out: inout [UInt8]) {
        if !options.quickPrint { out.append(text: "Opaque: Float: ") }
        out.append(contentsOf: CFloatFormat.format(value, precision: options.floatPrecision))
        appendUnits(units, to: &out)
    }

    /// `sprint_realloc_object_identifier`: the OID in the current name style.
    func appendObjectIdentifier(_ oid: ObjectIdentifier, units: String?, to out: inout [UInt8]) {
        if !options.quickPrint { out.append(text: "OID: ") }
        appendName(of: oid, to: &out)
        appendUnits(units, to: &out)
    }

    /// `sprint_realloc_ipaddress`: dotted quad, never UNITS.
    func appendIPAddress(_ address: IPv4Address, to out: inout [UInt8]) {
        if !options.quickPrint { out.append(text: "IpAddress: ") }
        let raw = address.rawValue
        out.append(decimal: UInt64(raw >> 24))
        out.append(UInt8(ascii: "."))
        out.append(decimal: UInt64((raw >> 16) & 0xFF))
        out.append(UInt8(ascii: "."))
        out.append(decimal: UInt64((raw >> 8) & 0xFF))
        out.append(UInt8(ascii: "."))
        out.append(decimal: UInt64(raw & 0xFF))
    }

    /// `sprint_realloc_networkaddress` (SMIv1 NetworkAddress): `%02X` octets joined by `:`.
    func appendNetworkAddress(_ address: IPv4Address, to out: inout [UInt8]) {
        if !options.quickPrint { out.append(text: "Network Address: ") }
        for (i, octet) in address.octets.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ":")) }
            out.append(hexByte: octet)
        }
    }
}
