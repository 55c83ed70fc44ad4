public import SNMPSMI

/// How one INDEX object is encoded in an instance OID (RFC 2578 §7.7) and printed by Net-SNMP.
public enum MIBIndexKind: Hashable, Sendable {
    /// One arc: INTEGER, Integer32, Unsigned32, Gauge32, Counter32, TimeTicks; labels for an enumerated INTEGER.
    case integer(enums: [Int64: String])
    /// Four arcs, dotted.
    case ipAddress
    /// SMIv1 NetworkAddress: a CHOICE tag arc (1 = internet) and four arcs.
    case networkAddress
    /// An OCTET STRING: length-prefixed, unless IMPLIED or of one fixed SIZE.
    case octetString(fixedLength: Int?, hint: String?, inetAddress: Bool)
    /// An OBJECT IDENTIFIER: length-prefixed unless IMPLIED.
    case objectIdentifier
}

/// One INDEX entry resolved against the MIB: its kind and whether it is IMPLIED.
public struct MIBIndexComponent: Hashable, Sendable {
    /// The index object's descriptor.
    public var name: String
    /// How it is encoded.
    public var kind: MIBIndexKind
    /// The IMPLIED keyword (RFC 2578 §7.7): the last variable-length index carries no length arc.
    public var implied: Bool

    /// Creates a component.
    public init(name: String, kind: MIBIndexKind, implied: Bool) {
        self.name = name
        self.kind = kind
        self.implied = implied
    }
}

/// Writes an instance suffix the way Net-SNMP's `_get_realloc_symbol` does after the deepest named node:
/// every INDEX object decoded in turn (`.2.ipv4."10.0.0.1"`), `-OX` brackets (`[2][ipv4]["10.0.0.1"]`),
/// `-Ob` numbers, and arcs that do not decode left as numbers.
public struct MIBIndexDecoder: Sendable {
    /// The INDEX objects, in order.
    public var components: [MIBIndexComponent]

    /// Creates a decoder for a row's INDEX.
    public init(components: [MIBIndexComponent]) {
        self.components = components
    }

    /// The suffix for `arcs` in the style `options` selects; `oidName` prints OID-valued indexes under `-OX`.
    public func suffix(for arcs: ArraySlice<UInt32>, options: OutputOptions,
                       oidName: (ObjectIdentifier) -> String) -> String {
        if options.dontBreakdownOIDs || arcs.isEmpty { return Self.numeric(arcs) }
        var out = ""
        var rest = arcs
        var previousInteger: UInt32?
        for component in components {
            guard !rest.isEmpty else { break }
            let bracket = options.extendedIndex
            switch component.kind {
            case .integer(let enums):
                let value = rest.removeFirst()
                previousInteger = value
                let text = enums[Int64(value)] ?? String(value)
                out += bracket ? "[\(text)]" : ".\(text)"
                continue
            case .ipAddress, .networkAddress:
                let count = component.kind == .ipAddress ? 4 : 5
                guard rest.count >= count, rest.prefix(count).allSatisfy({ $0 <= 255 }) else {
                    return out + (bracket ? "[" : "") + Self.numeric(rest)
                }
                let text = rest.prefix(count).map(String.init).joined(separator: ".")
                rest.removeFirst(count)
                out += bracket ? "[\(text)]" : ".\(text)"
            case .objectIdentifier:
                let start = rest
                let length = component.implied ? rest.count : Int(rest.removeFirst())
                guard rest.count >= length else { return out + (bracket ? "[" : "") + Self.numeric(start) }
                let value = ObjectIdentifier(Array(rest.prefix(length)))
                rest.removeFirst(length)
                out += bracket ? "[\(oidName(value))]" : Self.numeric(start.prefix(start.count - rest.count))
            case .octetString(let fixedLength, let hint, let inetAddress):
                let start = rest
                let length: Int
                let singleQuotes = component.implied || fixedLength != nil
                if let fixedLength {
                    length = fixedLength
                } else if component.implied {
                    length = rest.count
                } else {
                    length = Int(rest.removeFirst())
                }
                guard rest.count >= length, rest.prefix(length).allSatisfy({ $0 <= 255 }) else {
                    return out + (bracket ? "[" : "") + Self.numeric(start)
                }
                let bytes = rest.prefix(length).map { UInt8($0) }
                rest.removeFirst(length)
                let inet = inetAddress ? Self.inetAddressText(bytes, type: previousInteger) : nil
                if bracket {
                    if let inet {
                        out += "[\"\(inet)\"]"
                    } else if !inetAddress, let hint {
                        let info = ObjectDisplayInfo(syntax: .octetString, displayHint: hint)
                        out += "[" + NetSNMPRenderer().value(.octetString(OctetString(bytes)), displayInfo: info) + "]"
                    } else {
                        out += "[" + Self.quoted(bytes, quote: "\"", escape: options.escapeQuotes) + "]"
                    }
                } else {
                    let text = inet.map { Array($0.utf8) } ?? bytes
                    out += "." + Self.quoted(text, quote: singleQuotes && inet == nil ? "'" : "\"",
                                             escape: options.escapeQuotes)
                }
            }
            previousInteger = nil
        }
        return out + Self.numeric(rest)
    }

    /// `.1.2.3`.
    static func numeric<C: Collection<UInt32>>(_ arcs: C) -> String {
        var text = ""
        for arc in arcs {
            text += "."
            text += String(arc)
        }
        return text
    }

    /// A string index in quotes: printable ASCII as is, every other byte as `.`; `-OE` escapes the quotes.
    static func quoted(_ bytes: [UInt8], quote: Character, escape: Bool) -> String {
        var text = escape ? "\\\(quote)" : String(quote)
        for byte in bytes {
            text.append(byte >= 0x20 && byte <= 0x7E ? Character(Unicode.Scalar(byte)) : ".")
        }
        text += escape ? "\\\(quote)" : String(quote)
        return text
    }

    /// Net-SNMP prints an InetAddress index by the InetAddressType before it (RFC 4001 §3):
    /// ipv4(1) dotted, ipv6(2) as colon-separated hex bytes, the `z` forms with `%zone`.
    static func inetAddressText(_ bytes: [UInt8], type: UInt32?) -> String? {
        func hexPairs(_ slice: ArraySlice<UInt8>) -> String {
            slice.map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined(separator: ":")
        }
        func zone(_ slice: ArraySlice<UInt8>) -> String {
            String(slice.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        }
        switch (type, bytes.count) {
        case (1, 4): return bytes.map(String.init).joined(separator: ".")
        case (3, 8): return bytes[0..<4].map(String.init).joined(separator: ".") + "%" + zone(bytes[4...])
        case (2, 16): return hexPairs(bytes[...])
        case (4, 20): return hexPairs(bytes[0..<16]) + "%" + zone(bytes[16...])
        default: return nil
        }
    }
}
