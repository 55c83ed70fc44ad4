import SNMP
import SNMPMIB

/// Turns OIDs and varbinds into Net-SNMP's text, and OID arguments into OIDs, per the `-O` options.
struct Printer {
    var renderer: NetSNMPRenderer

    init(arguments: NetSNMPArguments) throws(CommandLineError) {
        var options = OutputOptions()
        for letters in arguments.outputFlags {
            do {
                try options.apply(letters)
            } catch let error as RenderingError {
                throw CommandLineError(error.message + "\n", showUsage: true)
            } catch {
                throw CommandLineError("\(error)\n", showUsage: true)
            }
        }
        self.renderer = NetSNMPRenderer(options: options)
    }

    /// Appends `NAME = TYPE: VALUE\n` as Net-SNMP prints it.
    func appendLine(_ varBind: VarBind, to out: inout [UInt8]) {
        renderer.appendLine(for: varBind, to: &out)
    }

    /// The OID in the current name style (for error messages such as "Failed object:").
    func oidText(_ oid: ObjectIdentifier) -> String {
        renderer.name(of: oid)
    }

    /// The `Reason:` text for an error-status.
    func reason(for status: ErrorStatus) -> String {
        NetSNMPErrorText.reasonText(for: status)
    }

    /// Parses an OID argument: dotted numbers with or without the leading dot, optionally starting with
    /// one of the root labels Net-SNMP always knows (`iso`, `ccitt`, `joint-iso-ccitt`).
    func parseOID(_ text: String) throws(CommandLineError) -> ObjectIdentifier {
        if let oid = ObjectIdentifier(text) { return oid }
        var rest = Substring(text)
        if rest.hasPrefix(".") { rest = rest.dropFirst() }
        let label = rest.prefix { $0 != "." }
        let roots: [Substring: UInt32] = ["iso": 1, "ccitt": 0, "joint-iso-ccitt": 2]
        if let root = roots[label] {
            let tail = rest.dropFirst(label.count)
            if tail.isEmpty { return [root] }
            if tail.hasPrefix("."), let suffix = ObjectIdentifier(tail.dropFirst()) {
                return ObjectIdentifier([root] + suffix.arcs)
            }
        }
        throw CommandLineError("\(text): Unknown Object Identifier (Sub-id not found: (top) -> \(label))\n")
    }
}
