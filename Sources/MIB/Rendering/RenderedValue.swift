import SNMPSMI

/// A varbind value the way Net-SNMP's parser types it: Opaque values that wrap a float, double or
/// 64-bit integer (the `9f 78`/`9f 79`/`9f 7a`/`9f 7b`/`9f 76` inner tags of Net-SNMP's
/// "opaque special types") become their own cases, and the historic tags Net-SNMP still accepts
/// (NsapAddress, UInteger32, BIT STRING) are decoded.
enum RenderedValue {
    case integer(Int64)
    case octetString(OctetString)
    case null
    case objectIdentifier(ObjectIdentifier)
    case ipAddress(IPv4Address)
    case counter32(UInt32)
    case gauge32(UInt32)
    case timeTicks(UInt32)
    case counter64(UInt64)
    case opaque(OctetString)
    case opaqueFloat(Float)
    case opaqueDouble(Double)
    case opaqueCounter64(UInt64)
    case opaqueUInt64(UInt64)
    case opaqueInt64(Int64)
    case nsapAddress(OctetString)
    case uinteger32(UInt32)
    case bitString(OctetString)
    case exception(String)
    case badType

    init(_ value: SNMPValue) {
        switch value {
        case .integer(let v): self = .integer(Int64(v))
        case .octetString(let s): self = .octetString(s)
        case .null: self = .null
        case .objectIdentifier(let oid): self = .objectIdentifier(oid)
        case .ipAddress(let a): self = .ipAddress(a)
        case .counter32(let v): self = .counter32(v)
        case .gauge32(let v): self = .gauge32(v)
        case .timeTicks(let v): self = .timeTicks(v)
        case .counter64(let v): self = .counter64(v)
        case .opaque(let s): self = s.withBytes { RenderedValue(opaqueContents: $0) } ?? .opaque(s)
        case .noSuchObject: self = .exception("No Such Object available on this agent at this OID")
        case .noSuchInstance: self = .exception("No Such Instance currently exists at this OID")
        case .endOfMibView:
            self = .exception("No more variables left in this MIB View (It is past the end of the MIB tree)")
        case .unknown(let tag, let contents):
            switch tag {
            case 0x45: self = .nsapAddress(contents)
            case 0x03: self = .bitString(contents)
            case 0x47:
                // Net-SNMP's asn_parse_unsigned_int: at most 4 octets plus a leading zero.
                let decoded: UInt32? = contents.withBytes { bytes in
                    guard !bytes.isEmpty, bytes.count <= 5, bytes.count < 5 || bytes[0] == 0 else { return nil }
                    var value: UInt64 = bytes[0] & 0x80 != 0 ? UInt64.max : 0
                    for byte in bytes { value = value << 8 | UInt64(byte) }
                    return UInt32(truncatingIfNeeded: value)
                }
                self = decoded.map { .uinteger32($0) } ?? .badType
            default: self = .badType
            }
        }
    }

    /// Decodes Net-SNMP's opaque special types; `nil` leaves the value a plain Opaque.
    ///
    /// Net-SNMP drops the whole response when an inner tag is present but its encoding is wrong;
    /// here such a value stays a raw Opaque so it is still shown.
    init?(opaqueContents c: UnsafeRawBufferPointer) {
        // asn_parse_header: a special type needs more than the two tag octets, first 0x9f.
        guard c.count > 2, c[0] == 0x9F else { return nil }
        let innerTag = c[1]
        guard [0x76, 0x78, 0x79, 0x7A, 0x7B].contains(innerTag) else { return nil }
        guard let (length, start) = Self.innerLength(c) else { return nil }
        let payload = UnsafeRawBufferPointer(rebasing: c[start..<(start + length)])
        switch innerTag {
        case 0x78:
            // asn_parse_float: outer length exactly 7 (9f 78 04 + four octets).
            guard c.count == 7, length == 4 else { return nil }
            var bits: UInt32 = 0
            for byte in payload { bits = bits << 8 | UInt32(byte) }
            self = .opaqueFloat(Float(bitPattern: bits))
        case 0x79:
            guard c.count == 11, length == 8 else { return nil }
            var bits: UInt64 = 0
            for byte in payload { bits = bits << 8 | UInt64(byte) }
            self = .opaqueDouble(Double(bitPattern: bits))
        case 0x7A:
            // asn_parse_signed_int64: at most 9 octets, the ninth only as a leading zero; sign-extended.
            guard c.count <= 12, length <= 9, length < 9 || payload[0] == 0 else { return nil }
            var bits: UInt64 = (length > 0 && payload[0] & 0x80 != 0) ? UInt64.max : 0
            for byte in payload { bits = bits << 8 | UInt64(byte) }
            self = .opaqueInt64(Int64(bitPattern: bits))
        default:
            guard c.count <= 12, length <= 9, length < 9 || payload[0] == 0 else { return nil }
            var value: UInt64 = 0
            for byte in payload { value = value << 8 | UInt64(byte) }
            self = innerTag == 0x76 ? .opaqueCounter64(value) : .opaqueUInt64(value)
        }
    }

    /// The inner BER length after the two tag octets: (length, offset of the contents), or `nil`
    /// when it does not fit (asn_parse_nlength).
    private static func innerLength(_ c: UnsafeRawBufferPointer) -> (Int, Int)? {
        let first = c[2]
        if first & 0x80 == 0 {
            let length = Int(first)
            return 3 + length <= c.count ? (length, 3) : nil
        }
        let lengthOfLength = Int(first & 0x7F)
        guard lengthOfLength >= 1, lengthOfLength <= 4, 3 + lengthOfLength <= c.count else { return nil }
        var length = 0
        for i in 0..<lengthOfLength { length = length << 8 | Int(c[3 + i]) }
        return 3 + lengthOfLength + length <= c.count ? (length, 3 + lengthOfLength) : nil
    }
}
