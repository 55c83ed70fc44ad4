public import SNMPApplications
import SNMPMIB

/// Values given as text and typed by the MIB, as `snmpset`'s `=` type does: the object's SYNTAX decides
/// whether `"42"` is an INTEGER, a Gauge32 or an OCTET STRING, and enumeration labels stand for their numbers.
///
/// ```swift
/// try await client.set("SNMPv2-MIB::sysContact.0", text: "noc@example.com")   // OCTET STRING
/// try await client.set("IF-MIB::ifAdminStatus.2", text: "down")               // INTEGER 2
/// ```
extension SNMPClient {
    /// The value `text` stands for as an instance of the object `oid`, typed by the object's SYNTAX.
    ///
    /// - Throws: `SNMPError` `.invalidArgument` when no loaded module defines the object, its SYNTAX has no
    ///   SNMP value type (a table or row), or `text` is not a value of that type.
    public func value(_ text: String, for oid: ObjectIdentifier) throws(SNMPError) -> SNMPValue {
        guard let match = mibStore.tree.lookup(oid), let syntax = match.node.syntax else {
            throw SNMPError(.invalidArgument, "\(name(of: oid)): no MIB definition gives its type")
        }
        return try MIBTextValue.parse(text, syntax: syntax, object: match.node.name) { name throws(SNMPError) in
            try self.oid(for: name)
        }
    }

    /// SET of one object by name, its value given as text and typed by the MIB.
    @discardableResult
    public func set(_ name: String, text: String) async throws(SNMPError) -> VarBind {
        let target = try oid(for: name)
        return try await set(target, to: value(text, for: target))
    }

    /// SET of several objects by name in one request, each value given as text and typed by the MIB.
    @discardableResult
    public func set(texts: KeyValuePairs<String, String>) async throws(SNMPError) -> [VarBind] {
        var varBinds: [VarBind] = []
        for (name, text) in texts {
            let target = try oid(for: name)
            varBinds.append(VarBind(target, try value(text, for: target)))
        }
        return try await set(varBinds)
    }
}

/// Text to value by SMI base type (RFC 2578 §7.1).
enum MIBTextValue {
    static func parse(_ text: String, syntax: MIBSyntax, object: String,
                      resolve: (String) throws(SNMPError) -> ObjectIdentifier) throws(SNMPError) -> SNMPValue {
        func bad(_ what: String) -> SNMPError {
            SNMPError(.invalidArgument, "\(object): \"\(text)\" is not \(what)")
        }
        switch syntax.baseType {
        case .integer, .integer32:
            // RFC 2578 §7.1.1: a named number stands for its value; "up(1)" is accepted as printed.
            let label = text.hasSuffix(")") ? String(text.prefix { $0 != "(" }) : text
            if let named = syntax.enumValues.first(where: { $0.name == label }), let value = Int32(exactly: named.value) {
                return .integer(value)
            }
            guard let value = Int32(text) else { throw bad("an INTEGER") }
            return .integer(value)
        case .unsigned32, .gauge32, .uInteger32:
            guard let value = UInt32(text) else { throw bad("an Unsigned32") }
            return .gauge32(value)
        case .counter32:
            guard let value = UInt32(text) else { throw bad("a Counter32") }
            return .counter32(value)
        case .counter64:
            guard let value = UInt64(text) else { throw bad("a Counter64") }
            return .counter64(value)
        case .timeTicks:
            guard let value = UInt32(text) else { throw bad("TimeTicks") }
            return .timeTicks(value)
        case .ipAddress, .networkAddress:
            guard let value = IPv4Address(text) else { throw bad("an IpAddress") }
            return .ipAddress(value)
        case .objectIdentifier:
            return .objectIdentifier(try resolve(text))
        case .octetString, .nsapAddress:
            return .octetString(OctetString(text))
        case .opaque:
            return .opaque(OctetString(text))
        case .bits:
            // BITS travel as an OCTET STRING with bit n of the list set (RFC 2578 §7.1.4).
            var octets: [UInt8] = []
            for part in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
                let number = syntax.bitLabels.first(where: { $0.name == part })?.value ?? Int64(part)
                guard let bit = number, (0...2_047).contains(bit) else { throw bad("a list of BITS") }
                let byte = Int(bit / 8)
                if octets.count <= byte { octets.append(contentsOf: repeatElement(0, count: byte + 1 - octets.count)) }
                octets[byte] |= UInt8(0x80) >> UInt8(bit % 8)
            }
            return .octetString(OctetString(octets))
        case .null:
            return .null
        case .sequence, .sequenceOf, .choice, .unknown:
            throw SNMPError(.invalidArgument, "\(object) is not a scalar or column (\(syntax.typeName))")
        }
    }
}
