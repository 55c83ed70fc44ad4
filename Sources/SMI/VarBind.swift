/// A variable binding: an object instance name and its value (RFC 3416 §3).
///
/// ```asn1
/// VarBind ::= SEQUENCE { name ObjectName,
///                        CHOICE { value ObjectSyntax, unSpecified NULL,
///                                 noSuchObject [0] IMPLICIT NULL, noSuchInstance [1] IMPLICIT NULL,
///                                 endOfMibView [2] IMPLICIT NULL } }
/// ```
///
/// ```swift
/// let request = VarBind("1.3.6.1.2.1.1.1.0")                 // value NULL, as in a GET
/// let set = VarBind("1.3.6.1.2.1.1.4.0", .octetString("ops@example.com"))
/// ```
public struct VarBind: Hashable, Sendable {
    /// The object instance.
    public var oid: ObjectIdentifier
    /// The value, `.null` in requests.
    public var value: SNMPValue

    /// Binds `value` to `oid`.
    @inlinable
    public init(_ oid: ObjectIdentifier, _ value: SNMPValue = .null) {
        self.oid = oid
        self.value = value
    }

    /// Binds `value` to `oid`.
    @inlinable
    public init(oid: ObjectIdentifier, value: SNMPValue = .null) {
        self.oid = oid
        self.value = value
    }
}

extension VarBind: CustomStringConvertible {
    /// `OID = TYPE: value`.
    public var description: String { "\(oid) = \(value)" }
}
