import SNMP
import SNMPMIB

/// What the MIB adds to snmpset's `OID TYPE VALUE`: type `=` takes the type from the object's SYNTAX,
/// and enumeration or BITS labels become numbers (`ifAdminStatus.1 i down`, `= up`).
enum MIBSetValue {
    /// The type letter and value text to hand to ``SetValueParser`` for the object `oid`.
    static func resolve(type: Character, value: String, oid: ObjectIdentifier,
                        printer: Printer) -> (type: Character, value: String) {
        guard let node = printer.node(for: oid), let syntax = node.syntax else { return (type, value) }
        var letter = type
        if type == "=" {
            switch syntax.baseType {
            case .integer, .integer32: letter = "i"
            case .unsigned32, .gauge32, .uInteger32: letter = "u"
            case .timeTicks: letter = "t"
            case .ipAddress, .networkAddress: letter = "a"
            case .objectIdentifier: letter = "o"
            case .octetString, .opaque, .nsapAddress: letter = "s"
            case .bits: letter = "b"
            case .counter32: letter = "c"
            case .counter64: letter = "C"
            case .null: letter = "n"
            case .sequence, .sequenceOf, .choice, .unknown: return (type, value)
            }
        }
        switch letter {
        case "i" where Int64(value) == nil:
            // RFC 2578 §7.1.1: a named number stands for its value.
            let label = value.hasSuffix(")") ? String(value.prefix { $0 != "(" }) : value
            if let match = syntax.enumValues.first(where: { $0.name == label }) { return ("i", String(match.value)) }
        case "b":
            let parts = value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
            let numbers = parts.map { part in
                syntax.bitLabels.first { $0.name == part }.map { String($0.value) } ?? String(part)
            }
            return ("b", numbers.joined(separator: " "))
        default:
            break
        }
        return (letter, value)
    }
}
