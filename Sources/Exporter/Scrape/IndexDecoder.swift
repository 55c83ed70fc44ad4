/// Turns the index part of an OID into label text, as snmp_exporter's `indexOidsAsString` does: each
/// type takes its arcs from the front and leaves the rest for the next index. Missing arcs read as 0.
enum IndexDecoder {
    /// The types this decoder knows (combined types resolve to one of the others).
    static let types: Set<String> = [
        "Integer32", "Integer", "gauge", "counter", "PhysAddress48", "OctetString", "DisplayString",
        "InetAddressIPv4", "InetAddressIPv6", "InetAddress", "InetAddressMissingSize", "LldpPortId", "EnumAsInfo",
    ]

    /// Combined types: the value of the previous column (the "type" column) selects the rendering.
    static let combinedTypes: [String: [Int: String]] = [
        "InetAddress": [1: "InetAddressIPv4", 2: "InetAddressIPv6"],
        "InetAddressMissingSize": [1: "InetAddressIPv4", 2: "InetAddressIPv6"],
        "LldpPortId": [1: "DisplayString", 2: "DisplayString", 3: "PhysAddress48", 5: "DisplayString",
                       7: "DisplayString"],
    ]

    /// No string index is longer than an OID can be (RFC 2578 §3.5 caps OIDs at 128 arcs).
    static let maximumLength = 128

    struct Decoded {
        var text: String
        var used: [Int]
        var rest: ArraySlice<Int>
    }

    /// Splits `count` arcs off the front, padding with zeros when the OID is shorter (Go's `splitOid`).
    static func split(_ arcs: ArraySlice<Int>, _ count: Int) -> ([Int], ArraySlice<Int>) {
        var head = Array(arcs.prefix(count))
        if head.count < count { head.append(contentsOf: repeatElement(0, count: count - head.count)) }
        return (head, arcs.dropFirst(count))
    }

    static func decode(_ arcs: ArraySlice<Int>, type: String, fixedSize: Int, implied: Bool,
                       enumValues: [Int: String]) -> Decoded {
        if let mapping = combinedTypes[type] {
            let missingSize = type == "InetAddressMissingSize"
            let (sub, values) = split(arcs, missingSize ? 1 : 2)
            if let resolved = mapping[sub[0]] {
                let inner = decode(values, type: resolved, fixedSize: 0, implied: false, enumValues: enumValues)
                return Decoded(text: inner.text, used: sub + inner.used, rest: inner.rest)
            }
            if missingSize { return decode(arcs, type: "OctetString", fixedSize: 0, implied: true, enumValues: enumValues) }
            return decode(arcs, type: "OctetString", fixedSize: clampLength(sub[1]) + 2, implied: false,
                          enumValues: enumValues)
        }
        switch type {
        case "PhysAddress48":
            let (sub, rest) = split(arcs, 6)
            return Decoded(text: sub.map { hex2($0) }.joined(separator: ":"), used: sub, rest: rest)
        case "OctetString", "DisplayString":
            var used: [Int] = []
            var rest = arcs
            var length = fixedSize
            if implied { length = rest.count }
            if length == 0 {
                let (sub, remaining) = split(rest, 1)
                used = sub
                rest = remaining
                length = clampLength(sub[0])
            }
            let (content, remaining) = split(rest, length)
            used += content
            let bytes = content.map { UInt8(truncatingIfNeeded: $0) }
            if type == "DisplayString" {
                return Decoded(text: GoString.validUTF8(bytes), used: used, rest: remaining)
            }
            return Decoded(text: bytes.isEmpty ? "" : "0x" + bytes.map { hex2(Int($0)) }.joined(),
                           used: used, rest: remaining)
        case "InetAddressIPv4":
            let (sub, rest) = split(arcs, 4)
            return Decoded(text: sub.map(String.init).joined(separator: "."), used: sub, rest: rest)
        case "InetAddressIPv6":
            let (sub, rest) = split(arcs, 16)
            let groups = stride(from: 0, to: 16, by: 2).map { hex2(sub[$0]) + hex2(sub[$0 + 1]) }
            return Decoded(text: groups.joined(separator: ":"), used: sub, rest: rest)
        case "EnumAsInfo":
            let (sub, rest) = split(arcs, 1)
            return Decoded(text: enumValues[sub[0]] ?? String(sub[0]), used: sub, rest: rest)
        default:  // Integer32, Integer, gauge, counter
            let (sub, rest) = split(arcs, 1)
            return Decoded(text: String(sub[0]), used: sub, rest: rest)
        }
    }

    /// Go's `%02X` of an int (more digits when it does not fit in two).
    static func hex2(_ value: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }

    private static func clampLength(_ length: Int) -> Int { min(max(length, 0), maximumLength) }
}
