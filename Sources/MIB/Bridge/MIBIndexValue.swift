public import SNMPSMI

/// One decoded INDEX value of a table row (RFC 2578 §7.7).
public enum MIBIndexValue: Hashable, Sendable, CustomStringConvertible {
    /// An integer index, with its enumeration label when the syntax names it.
    case integer(UInt32, label: String?)
    /// An OCTET STRING index.
    case octets([UInt8])
    /// An IpAddress index (or the address of an SMIv1 NetworkAddress).
    case ipAddress([UInt8])
    /// An OBJECT IDENTIFIER index.
    case objectIdentifier(ObjectIdentifier)

    /// The value as text: the label or number, the string (non-printable bytes as `.`), the dotted address
    /// or dotted OID.
    public var description: String {
        switch self {
        case .integer(let value, let label): return label ?? String(value)
        case .octets(let bytes):
            return String(decoding: bytes.map { $0 >= 0x20 && $0 <= 0x7E ? $0 : UInt8(ascii: ".") }, as: UTF8.self)
        case .ipAddress(let bytes): return bytes.map(String.init).joined(separator: ".")
        case .objectIdentifier(let oid): return oid.description
        }
    }
}

extension MIBIndexDecoder {
    /// The typed values of an instance suffix, or `nil` when the arcs do not decode exactly into this INDEX.
    public func decode(_ arcs: ArraySlice<UInt32>) -> [MIBIndexValue]? {
        var rest = arcs
        var values: [MIBIndexValue] = []
        for component in components {
            switch component.kind {
            case .integer(let enums):
                guard let value = rest.popFirst() else { return nil }
                values.append(.integer(value, label: enums[Int64(value)]))
            case .ipAddress, .networkAddress:
                if component.kind == .networkAddress { guard rest.popFirst() != nil else { return nil } }
                guard rest.count >= 4, rest.prefix(4).allSatisfy({ $0 <= 255 }) else { return nil }
                values.append(.ipAddress(rest.prefix(4).map { UInt8($0) }))
                rest.removeFirst(4)
            case .objectIdentifier:
                let length = component.implied ? rest.count : Int(rest.popFirst() ?? UInt32.max)
                guard length <= rest.count else { return nil }
                values.append(.objectIdentifier(ObjectIdentifier(Array(rest.prefix(length)))))
                rest.removeFirst(length)
            case .octetString(let fixedLength, _, _):
                let length = fixedLength ?? (component.implied ? rest.count : Int(rest.popFirst() ?? UInt32.max))
                guard length <= rest.count, rest.prefix(length).allSatisfy({ $0 <= 255 }) else { return nil }
                values.append(.octets(rest.prefix(length).map { UInt8($0) }))
                rest.removeFirst(length)
            }
        }
        return rest.isEmpty ? values : nil
    }
}
