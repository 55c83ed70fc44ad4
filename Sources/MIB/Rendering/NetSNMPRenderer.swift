public import SNMPSMI

/// Prints varbinds, names and values byte for byte as Net-SNMP 5.9.3's tools do
/// (`print_variable`, `sprint_realloc_value` and the printers in `snmplib/mib.c`).
///
/// The byte-buffer methods are the primary API: Net-SNMP copies DISPLAY-HINT `a` text raw, which
/// need not be UTF-8, and a walk appends thousands of lines to one buffer.
///
/// ```swift
/// var options = OutputOptions()
/// try options.apply("q")
/// let renderer = NetSNMPRenderer(options: options)
/// renderer.line(for: VarBind("1.3.6.1.2.1.1.3.0", .timeTicks(6226)))
/// // "iso.3.6.1.2.1.1.3.0 0:0:01:02.26"
/// ```
public struct NetSNMPRenderer: Sendable {
    /// The `-O` options in effect.
    public var options: OutputOptions
    /// Where names, enumerations, hints and units come from.
    public var context: any MIBRenderingContext

    /// Creates a renderer; without a context it behaves like Net-SNMP with no MIBs loaded.
    public init(options: OutputOptions = OutputOptions(),
                context: any MIBRenderingContext = NoMIBRenderingContext()) {
        self.options = options
        self.context = context
    }

    // MARK: Varbind lines

    /// Appends one `print_variable` line: name, separator, value and `\n`.
    public func appendLine(for varBind: VarBind, to out: inout [UInt8]) {
        appendVariable(varBind, to: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// One varbind as Net-SNMP prints it, without the line feed.
    public func line(for varBind: VarBind) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(96)
        appendVariable(varBind, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends name, separator and value (`sprint_realloc_variable`), without the line feed.
    public func appendVariable(_ varBind: VarBind, to out: inout [UInt8]) {
        // Section 1: -Ov drops the name and the separator; -OQ keeps " = " under quick print.
        if !options.bareValue {
            appendName(of: varBind.oid, to: &out)
            if options.quickEquals || !options.quickPrint {
                out.append(contentsOf: [0x20, 0x3D, 0x20])
            } else {
                out.append(0x20)
            }
        }
        appendValue(varBind.value, of: varBind.oid, to: &out)
    }

    // MARK: Values

    /// The value of the object `oid` as Net-SNMP prints it after the separator.
    public func value(_ value: SNMPValue, of oid: ObjectIdentifier) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        appendValue(value, of: oid, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value of the object `oid`, using the MIB's display information for `oid`.
    public func appendValue(_ value: SNMPValue, of oid: ObjectIdentifier, to out: inout [UInt8]) {
        // The exceptions ignore every -O flag and never consult the MIB.
        if value.isException {
            appendValue(value, displayInfo: nil, to: &out)
            return
        }
        appendValue(value, displayInfo: context.displayInfo(for: oid), to: &out)
    }

    /// The value printed with explicit display information (`nil`: by its wire type, as without MIBs).
    public func value(_ value: SNMPValue, displayInfo: ObjectDisplayInfo?) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        appendValue(value, displayInfo: displayInfo, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value printed with explicit display information.
    public func appendValue(_ value: SNMPValue, displayInfo: ObjectDisplayInfo?, to out: inout [UInt8]) {
        let rendered = RenderedValue(value)
        if case .exception(let text) = rendered {
            out.append(text: text)
            return
        }
        guard let info = displayInfo else {
            appendByType(rendered, hints: .none, to: &out)
            return
        }
        let hints = Hints(
            enums: info.enumLabels,
            hint: options.useDisplayHints ? info.displayHint : nil,
            units: options.dontPrintUnits ? nil : info.units)
        appendWithPrinter(for: info.syntax, rendered, hints: hints, to: &out)
    }

    // MARK: Printer selection

    /// What the MIB passes to a printer (`enums`, `hint`, `units` of `struct tree`).
    struct Hints {
        var enums: [Int64: String]
        var hint: String?
        var units: String?
        static let none = Hints(enums: [:], hint: nil, units: nil)
    }

    /// `set_function`: the MIB syntax picks the printer; a value of another wire type is printed
    /// by its own type behind a "Wrong Type" note.
    func appendWithPrinter(for syntax: ObjectDisplayInfo.Syntax, _ value: RenderedValue, hints: Hints,
                           to out: inout [UInt8]) {
        switch (syntax, value) {
        case (.other, _): appendByType(value, hints: hints, to: &out)
        case (.integer, .integer(let v)): appendInteger(v, hints: hints, to: &out)
        case (.octetString, .octetString(let s)): appendOctetString(s, hint: hints.hint, units: hints.units, to: &out)
        case (.objectIdentifier, .objectIdentifier(let oid)): appendObjectIdentifier(oid, units: hints.units, to: &out)
        case (.ipAddress, .ipAddress(let a)): appendIPAddress(a, to: &out)
        case (.networkAddress, .ipAddress(let a)): appendNetworkAddress(a, to: &out)
        case (.counter32, .counter32(let v)): appendCounter32(v, units: hints.units, to: &out)
        case (.gauge32, .gauge32(let v)): appendGauge32(v, hints: hints, to: &out)
        case (.timeTicks, .timeTicks(let v)): appendTimeTicks(v, units: hints.units, to: &out)
        case (.opaque, .opaque), (.opaque, .opaqueFloat), (.opaque, .opaqueDouble),
             (.opaque, .opaqueCounter64), (.opaque, .opaqueUInt64), (.opaque, .opaqueInt64):
            appendOpaque(value, units: hints.units, to: &out)
        case (.counter64, .counter64), (.counter64, .opaqueCounter64), (.counter64, .opaqueUInt64),
             (.counter64, .opaqueInt64):
            appendCounter64(value, units: hints.units, to: &out)
        case (.bits, .octetString(let s)), (.bits, .bitString(let s)): appendBits(s, enums: hints.enums, to: &out)
        case (.nsapAddress, .nsapAddress(let s)): appendNsapAddress(s, to: &out)
        case (.uinteger32, .uinteger32(let v)): appendUInteger32(v, hints: hints, to: &out)
        case (.null, .null): out.append(text: "NULL")
        default:
            if !options.quickEquals {
                out.append(text: "Wrong Type (should be ")
                out.append(text: Self.expectedTypeName(syntax))
                out.append(text: "): ")
            }
            appendByType(value, hints: .none, to: &out)
        }
    }

    /// `sprint_realloc_by_type`: the printer for the value's own wire type.
    func appendByType(_ value: RenderedValue, hints: Hints, to out: inout [UInt8]) {
        switch value {
        case .integer(let v): appendInteger(v, hints: hints, to: &out)
        case .octetString(let s): appendOctetString(s, hint: hints.hint, units: hints.units, to: &out)
        case .bitString(let s): appendBits(s, enums: hints.enums, to: &out)
        case .opaque, .opaqueFloat, .opaqueDouble: appendOpaque(value, units: hints.units, to: &out)
        case .objectIdentifier(let oid): appendObjectIdentifier(oid, units: hints.units, to: &out)
        case .timeTicks(let v): appendTimeTicks(v, units: hints.units, to: &out)
        case .gauge32(let v): appendGauge32(v, hints: hints, to: &out)
        case .counter32(let v): appendCounter32(v, units: hints.units, to: &out)
        case .ipAddress(let a): appendIPAddress(a, to: &out)
        case .null: out.append(text: "NULL")
        case .uinteger32(let v): appendUInteger32(v, hints: hints, to: &out)
        case .counter64, .opaqueCounter64, .opaqueUInt64, .opaqueInt64:
            appendCounter64(value, units: hints.units, to: &out)
        case .exception(let text): out.append(text: text)
        // sprint_realloc_by_type has no NsapAddress case: only a MIB NsapAddress object prints one.
        case .nsapAddress, .badType: out.append(text: "Variable has bad type")
        }
    }

    /// The type named in Net-SNMP's "Wrong Type (should be X): " note for each printer.
    static func expectedTypeName(_ syntax: ObjectDisplayInfo.Syntax) -> String {
        switch syntax {
        case .integer: return "INTEGER"
        case .octetString: return "OCTET STRING"
        case .objectIdentifier: return "OBJECT IDENTIFIER"
        case .ipAddress: return "IpAddress"
        case .networkAddress: return "NetworkAddress"
        case .counter32: return "Counter32"
        case .gauge32: return "Gauge32 or Unsigned32"
        case .timeTicks: return "Timeticks"
        case .opaque: return "Opaque"
        case .counter64: return "Counter64"
        case .bits: return "BITS"
        case .nsapAddress: return "NsapAddress"
        case .uinteger32: return "UInteger32"
        case .null: return "NULL"
        case .other: return ""
        }
    }

    /// Appends " UNITS" when the MIB gives units and -OU is off.
    func appendUnits(_ units: String?, to out: inout [UInt8]) {
        guard let units else { return }
        out.append(0x20)
        out.append(text: units)
    }
}
