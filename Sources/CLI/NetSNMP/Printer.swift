import SNMP

// TEMPORARY until the rendering branch lands (not committed).
struct Printer {
    init(arguments: NetSNMPArguments) throws(CommandLineError) {}
    func line(_ varBind: VarBind) -> String { "\(varBind.oid.dottedWithLeadingDot) = \(varBind.value)" }
    func oidText(_ oid: ObjectIdentifier) -> String { oid.dottedWithLeadingDot }
    func reason(for status: ErrorStatus) -> String { status.name }
    func parseOID(_ text: String) throws(CommandLineError) -> ObjectIdentifier {
        guard let oid = ObjectIdentifier(text) else { throw CommandLineError("\(text): Unknown Object Identifier\n") }
        return oid
    }
}
