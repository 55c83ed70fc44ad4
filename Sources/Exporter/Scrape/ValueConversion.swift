import SNMP

/// How snmp_exporter reads a varbind's value: as a number for counters and gauges, as text for string
/// types and lookups. The rules follow its collector on gosnmp's decoded values: strings and addresses
/// count as 0, Opaque-wrapped floats are floats, Counter64 wraps at 2^53 when asked.
enum ValueConversion {
    /// snmp_exporter's `float64Mantissa`: Counter64 values wrap here with `--snmp.wrap-large-counters`.
    static let float64Mantissa: UInt64 = 1 << 53

    /// The numeric value (`getPduValue`).
    static func number(_ value: SNMPValue, wrapCounters: Bool) -> Double {
        switch value {
        case .integer(let v): return Double(v)
        case .counter32(let v), .gauge32(let v), .timeTicks(let v): return Double(v)
        case .counter64(let v): return Double(wrapCounters ? v % float64Mantissa : v)
        case .opaque(let contents): return opaqueFloat(contents) ?? 0
        default: return 0
        }
    }

    /// The integer a lookup's or enum's value stands for (Go's `ToBigInt(...).Int64()` truncated to int).
    static func integer(_ value: SNMPValue) -> Int {
        switch value {
        case .integer(let v): return Int(v)
        case .counter32(let v), .gauge32(let v), .timeTicks(let v): return Int(v)
        case .counter64(let v): return Int(truncatingIfNeeded: v)
        default: return 0
        }
    }

    /// An Opaque carrying an Opaque-wrapped float (tag 0x9F78) or double (0x9F79), as gosnmp decodes it.
    static func opaqueFloat(_ contents: OctetString) -> Double? {
        let bytes = contents.bytes
        guard bytes.count >= 3, bytes[0] == 0x9F else { return nil }
        let payload = bytes.dropFirst(3)
        if bytes[1] == 0x78, bytes[2] == 4, payload.count == 4 {
            return Double(Float(bitPattern: payload.reduce(0) { $0 << 8 | UInt32($1) }))
        }
        if bytes[1] == 0x79, bytes[2] == 8, payload.count == 8 {
            return Double(bitPattern: payload.reduce(0) { $0 << 8 | UInt64($1) })
        }
        return nil
    }

    /// An Opaque float as Go's `FormatFloat(v, 'f', -1, 32 or 64)` writes it.
    static func opaqueFloatText(_ contents: OctetString) -> String? {
        guard let float = opaqueFloat(contents) else { return nil }
        let bytes = contents.bytes
        return GoFloat.fixed(bytes[1] == 0x78 ? Float(float).description : float.description)
    }

    /// The value as text (`pduValueAsString`): `type` picks the rendering of octet strings
    /// (`DisplayString`, `PhysAddress48`, `InetAddressIPv4`, …; hex `0x…` by default).
    static func text(_ value: SNMPValue, type: String, displayHint: String) -> String {
        switch value {
        case .integer(let v): return String(v)
        case .counter32(let v), .gauge32(let v), .timeTicks(let v): return String(v)
        case .counter64(let v): return String(v)
        case .ipAddress(let address): return address.description
        case .objectIdentifier(let oid): return oid.description
        case .opaque(let contents):
            if let text = opaqueFloatText(contents) { return text }
            return octets(contents.bytes, type: type, displayHint: displayHint)
        case .octetString(let string):
            if displayHint.isEmpty || type != "OctetString" && !type.isEmpty {
                // The common renderings without building the index-style arc list.
                if type == "DisplayString" { return string.withBytes { GoString.validUTF8($0) } }
                if type == "OctetString" || type.isEmpty || type == "Bits" {
                    return string.isEmpty ? "" : string.withBytes { hex($0) }
                }
            }
            return octets(string.bytes, type: type, displayHint: displayHint)
        case .null, .noSuchObject, .noSuchInstance, .endOfMibView: return ""
        case .unknown(_, let contents): return octets(contents.bytes, type: "", displayHint: "")
        }
    }

    /// `0x` and two upper-case hex digits per octet (Go's `%X` of the octets).
    static func hex(_ bytes: some Collection<UInt8>) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = [UInt8(ascii: "0"), UInt8(ascii: "x")]
        out.reserveCapacity(2 + bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func octets(_ bytes: [UInt8], type: String, displayHint: String) -> String {
        if !displayHint.isEmpty, type.isEmpty || type == "OctetString",
           let rendered = DisplayHint.apply(displayHint, to: bytes) {
            return GoString.validUTF8(rendered)
        }
        var type = type
        if type.isEmpty || type == "Bits" { type = "OctetString" }
        var parts = bytes.map(Int.init)
        if type == "OctetString" || type == "DisplayString" { parts.insert(bytes.count, at: 0) }
        if !IndexDecoder.types.contains(type) { type = "OctetString" }
        return IndexDecoder.decode(parts[...], type: type, fixedSize: 0, implied: false, enumValues: [:]).text
    }

    /// DateAndTime (RFC 2579): 8 octets in UTC or 11 with the offset from UTC, as Unix seconds.
    static func dateAndTime(_ value: SNMPValue) -> Double? {
        guard case .octetString(let string) = value else { return nil }
        let v = string.bytes
        var offsetSeconds = 0
        switch v.count {
        case 8: break
        case 11:
            guard v[8] == UInt8(ascii: "+") || v[8] == UInt8(ascii: "-"), v[9] <= 24, v[10] < 60 else { return nil }
            offsetSeconds = (Int(v[9]) * 3600 + Int(v[10]) * 60) * (v[8] == UInt8(ascii: "-") ? -1 : 1)
        default: return nil
        }
        let year = Int(v[0]) << 8 | Int(v[1])
        let seconds = CivilTime.unixSeconds(year: year, month: Int(v[2]), day: Int(v[3]), hour: Int(v[4]),
                                            minute: Int(v[5]), second: Int(v[6]))
        return Double(seconds - offsetSeconds)
    }

    /// NTP timestamp (RFC 5905): seconds since 1900 in the first 4 octets, as Unix seconds.
    static func ntpTimestamp(_ value: SNMPValue) -> Double? {
        guard case .octetString(let string) = value, string.count >= 8 else { return nil }
        let seconds = string.bytes.prefix(4).reduce(0) { $0 << 8 | Int64($1) }
        return Double(seconds - 2_208_988_800)
    }
}

/// Calendar arithmetic with Go's `time.Date` normalisation (out-of-range months, days and times carry over).
enum CivilTime {
    static func unixSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int {
        var y = year
        var m = month - 1
        y += m >= 0 ? m / 12 : (m - 11) / 12
        m = ((m % 12) + 12) % 12
        return daysFromCivil(y, m + 1, 1) * 86_400 + (day - 1) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// Go's handling of strings from the wire.
enum GoString {
    /// `strings.ToValidUTF8(s, "\u{FFFD}")`: each run of invalid bytes becomes one replacement character.
    static func validUTF8(_ bytes: some Collection<UInt8>) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var scalars = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var lastWasError = false
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                lastWasError = false
            case .error:
                if !lastWasError { scalars.append("\u{FFFD}") }
                lastWasError = true
            case .emptyInput:
                break decoding
            }
        }
        return String(scalars)
    }
}
