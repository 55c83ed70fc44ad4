import SNMP
import SNMPMIB

/// Turns OIDs and varbinds into Net-SNMP's text, and OID arguments into OIDs, per the `-O` and `-I`
/// options and the MIBs Net-SNMP would load (`-M`, `-m`, `MIBDIRS`, `MIBS`, snmp.conf).
struct Printer {
    var options: OutputOptions
    /// The loaded MIBs; modules named as `MODULE::` in arguments are added on demand.
    let store: MIBStore
    /// `-IR`: look labels up anywhere in the tree only.
    var randomAccess = false

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
        for letters in arguments.inputFlags {
            for letter in letters {
                switch letter {
                case "R": randomAccess = true
                case "h": options.useDisplayHints.toggle()
                case "b", "u", "s", "S", "r", "d", "f", "e": continue
                default:
                    throw CommandLineError("Unknown input option passed to -I: \(letter).\n", showUsage: true)
                }
            }
        }
        self.options = options
        let settings = NetSNMPMIBSettings.resolve(
            moduleOption: arguments.mibModules.last, directoryOption: arguments.mibDirectories.last)
        self.store = settings.makeStore()
        Self.reportMissingModules(store, settings: settings)
    }

    /// Net-SNMP's note for each `-m`/`MIBS` module it cannot find.
    static func reportMissingModules(_ store: MIBStore, settings: NetSNMPMIBSettings) {
        let missing = store.errors.filter { $0.code == .moduleNotFound }.compactMap(\.module)
        guard !missing.isEmpty else { return }
        var text = "MIB search path: \(MIBSearchPath.netSNMPText(settings.directories))\n"
        for module in missing { text += "Cannot find module (\(module)): At line 0 in (none)\n" }
        SNMPTool.writeError(text)
    }

    /// The renderer over the current MIB snapshot.
    var renderer: NetSNMPRenderer {
        NetSNMPRenderer(options: options, context: MIBTreeRenderingContext(tree: store.tree))
    }

    /// Whether any module is loaded (snmptable needs one to name columns).
    var hasMIBs: Bool { !store.tree.modules.isEmpty }

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

    /// Parses an OID argument as snmpget does: a path from the root (`.1.3.6.1`, `iso.3.6`, `.iso.org...`),
    /// `MODULE::name.index` (loading the module if needed), or a label found anywhere (`sysDescr.0`).
    func parseOID(_ text: String) throws(CommandLineError) -> ObjectIdentifier {
        // snmpget accepts numeric OIDs under -IR too; only snmptranslate refuses them.
        let numeric = text.first == "." || text.first?.isNumber == true
        return try parseOID(text, mode: randomAccess && !numeric ? .randomAccess : .fromRootThenRandomAccess)
    }

    func parseOID(_ text: String, mode: NetSNMPNameParser.Mode) throws(CommandLineError) -> ObjectIdentifier {
        var warnings = ""
        do {
            let oid = try NetSNMPNameParser(store: store).oid(for: text, mode: mode) { warnings += $0 }
            if !warnings.isEmpty { SNMPTool.writeError(warnings) }
            return oid
        } catch let error as MIBError {
            throw CommandLineError(warnings + "\(text): \(error.reason)\n")
        } catch {
            throw CommandLineError(warnings + "\(text): Unknown Object Identifier\n")
        }
    }

    /// The MIB node an OID is an instance of, if any.
    func node(for oid: ObjectIdentifier) -> MIBNode? {
        store.tree.lookup(oid)?.node
    }
}
