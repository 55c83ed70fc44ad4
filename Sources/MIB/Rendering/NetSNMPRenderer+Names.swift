public import SNMPSMI

extension NetSNMPRenderer {
    /// The prefixes `-Ou` strips (Net-SNMP's `mib_prefixes`, the first being the standard prefix).
    static let ucdPrefixes: [[UInt8]] = [
        ".1.3.6.1.2.1",
        ".iso.org.dod.internet.mgmt.mib-2",
        ".iso.org.dod.internet.experimental",
        ".iso.org.dod.internet.private",
        ".iso.org.dod.internet.snmpParties",
        ".iso.org.dod.internet.snmpSecrets",
    ].map { Array($0.utf8) }

    /// An object name (or OBJECT IDENTIFIER value) in the current `-O` name style.
    public func name(of oid: ObjectIdentifier) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(oid.count * 4 + 16)
        appendName(of: oid, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends an object name in the current `-O` name style (`netsnmp_sprint_realloc_objid_tree`).
    public func appendName(of oid: ObjectIdentifier, to out: inout [UInt8]) {
        if options.oidFormat == .numeric {
            if oid.isEmpty { out.append(UInt8(ascii: ".")) }
            oid.withArcs { arcs in
                for arc in arcs {
                    out.append(UInt8(ascii: "."))
                    out.append(decimal: UInt64(arc))
                }
            }
            return
        }
        let resolved = context.resolveName(of: oid, options: options) ?? Self.builtinRootName(of: oid)
        switch options.oidFormat {
        case .module, .suffix:
            // Only the last label and the index; an OID with no named arc keeps its full form.
            guard let last = resolved.labels.last else {
                appendFullName(resolved, to: &out)
                return
            }
            if options.oidFormat == .module, let module = resolved.moduleName {
                out.append(text: module)
                out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: ":")])
            }
            out.append(text: last)
            out.append(text: resolved.index)
        case .ucd:
            var full: [UInt8] = []
            full.reserveCapacity(96)
            appendFullName(resolved, to: &full)
            for prefix in Self.ucdPrefixes where full.count > prefix.count && full.starts(with: prefix) {
                out.append(contentsOf: full[(prefix.count + 1)...])
                return
            }
            out.append(contentsOf: full)
        case .full, .numeric:
            appendFullName(resolved, to: &out)
        }
    }

    /// `.label.label....index`, the `-Of` form every other style is cut from.
    func appendFullName(_ resolved: ResolvedObjectName, to out: inout [UInt8]) {
        for label in resolved.labels {
            out.append(UInt8(ascii: "."))
            out.append(text: label)
        }
        if resolved.labels.isEmpty && resolved.index.isEmpty {
            out.append(UInt8(ascii: "."))
        }
        out.append(text: resolved.index)
    }

    /// Net-SNMP's tree without MIBs: only the roots `ccitt(0)`, `iso(1)` and `joint-iso-ccitt(2)`.
    static func builtinRootName(of oid: ObjectIdentifier) -> ResolvedObjectName {
        var labels: [String] = []
        var rest = oid.arcs[...]
        if let first = oid.arcs.first, first <= 2 {
            labels = [first == 0 ? "ccitt" : first == 1 ? "iso" : "joint-iso-ccitt"]
            rest = rest.dropFirst()
        }
        var index: [UInt8] = []
        index.reserveCapacity(rest.count * 4)
        for arc in rest {
            index.append(UInt8(ascii: "."))
            index.append(decimal: UInt64(arc))
        }
        return ResolvedObjectName(labels: labels, moduleName: nil, index: String(decoding: index, as: UTF8.self))
    }
}
