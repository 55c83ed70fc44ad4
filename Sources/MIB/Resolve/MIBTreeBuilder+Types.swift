/// Type resolution: follows a SYNTAX through TEXTUAL-CONVENTIONs (RFC 2579 §3) and type assignments
/// to its base type, keeping the nearest convention's name, its DISPLAY-HINT and the refinements.
extension MIBTreeBuilder {
    func resolveType(_ type: ParsedType, in m: Int, position: SourcePosition) -> MIBSyntax {
        switch type {
        case .named(let name, let refinement):
            var syntax: MIBSyntax
            if let base = MIBBaseType.builtIn(name) {
                syntax = MIBSyntax(typeName: name, baseType: base)
            } else if let (tm, td) = findType(name, from: m) {
                syntax = resolveDefinedType(tm, td)
                syntax.typeName = name
            } else {
                errors.append(error(.unresolvedName, "unknown type '\(name)'", m, position))
                syntax = MIBSyntax(typeName: name, baseType: .unknown)
            }
            apply(refinement, to: &syntax)
            return syntax
        case .bits(let labels):
            return MIBSyntax(typeName: "BITS", baseType: .bits, bitLabels: labels.map(Self.named))
        case .sequence:
            return MIBSyntax(typeName: "SEQUENCE", baseType: .sequence)
        case .sequenceOf(let row):
            return MIBSyntax(typeName: "SEQUENCE OF \(row)", baseType: .sequenceOf, rowType: row)
        case .choice:
            return MIBSyntax(typeName: "CHOICE", baseType: .choice)
        case .tagged(let tagClass, let number, let inner):
            var syntax = resolveType(inner, in: m, position: position)
            if tagClass == "APPLICATION", let base = MIBBaseType.application(number) { syntax.baseType = base }
            return syntax
        }
    }

    static func named(_ value: ParsedNamedNumber) -> MIBNamedNumber {
        MIBNamedNumber(name: value.name, value: value.value)
    }

    private func apply(_ refinement: ParsedRefinement, to syntax: inout MIBSyntax) {
        if !refinement.namedNumbers.isEmpty {
            if syntax.baseType == .bits {
                syntax.bitLabels = refinement.namedNumbers.map(Self.named)
            } else {
                syntax.enumValues = refinement.namedNumbers.map(Self.named)
            }
        }
        if !refinement.ranges.isEmpty { syntax.ranges = refinement.ranges.map { MIBRange(lower: $0.0, upper: $0.1) } }
        if !refinement.sizes.isEmpty { syntax.sizes = refinement.sizes.map { MIBRange(lower: $0.0, upper: $0.1) } }
    }

    /// The TEXTUAL-CONVENTION or type assignment `name` refers to from module `m`.
    func findType(_ name: String, from m: Int) -> (Int, Int)? {
        guard let (tm, td) = find(name, from: m) else { return nil }
        let kind = modules[tm].parsed.definitions[td].kind
        return kind == .textualConvention || kind == .typeAssignment ? (tm, td) : nil
    }

    /// The resolved syntax of a TEXTUAL-CONVENTION or type assignment, memoised.
    func resolveDefinedType(_ m: Int, _ d: Int) -> MIBSyntax {
        if let cached = typeMemo[m]?[d] { return cached }
        let name = modules[m].parsed.definitions[d].name
        let position = modules[m].parsed.definitions[d].position
        guard let parsed = modules[m].parsed.definitions[d].syntax, !typeVisiting.contains(m << 32 | d) else {
            errors.append(error(.unresolvedName, "type \(name) is defined in terms of itself", m, position))
            return MIBSyntax(typeName: name, baseType: .unknown)
        }
        typeVisiting.insert(m << 32 | d)
        var syntax = resolveType(parsed, in: m, position: position)
        typeVisiting.remove(m << 32 | d)
        syntax.typeName = name
        // SMI's own application types (SNMPv2-SMI's `Counter32 ::= [APPLICATION 1] ...`) are base types,
        // not conventions; any other named type is reported as its convention, as Net-SNMP's -Td does.
        if MIBBaseType.builtIn(name) == nil {
            syntax.textualConvention = name
            syntax.textualConventionModule = modules[m].parsed.name
            if let hint = modules[m].parsed.definitions[d].displayHint { syntax.displayHint = hint }
        }
        typeMemo[m, default: [:]][d] = syntax
        return syntax
    }

    /// Every module's TEXTUAL-CONVENTIONs and type assignments, resolved.
    func resolvedTypes() -> [String: [String: MIBSyntax]] {
        var result: [String: [String: MIBSyntax]] = [:]
        for m in modules.indices {
            let definitions = modules[m].parsed.definitions
            var byName: [String: MIBSyntax] = result[modules[m].parsed.name] ?? [:]
            for d in definitions.indices
            where definitions[d].kind == .textualConvention || definitions[d].kind == .typeAssignment {
                byName[definitions[d].name] = resolveDefinedType(m, d)
            }
            if !byName.isEmpty { result[modules[m].parsed.name] = byName }
        }
        return result
    }
}
