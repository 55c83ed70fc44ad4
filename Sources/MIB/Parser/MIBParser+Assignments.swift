/// Top-level assignments: value assignments (`x OBJECT IDENTIFIER ::= {...}`), macro invocations
/// (`x OBJECT-TYPE ... ::= {...}`), type assignments (`T ::= ...`) and MACRO definitions.
extension MIBParser {
    /// The macro a keyword invokes, or `nil` when the token is not a macro name.
    func macroKind(_ token: MIBToken) -> ParsedDefinitionKind? {
        guard token.kind == .identifier, token.length >= 9 else { return nil }
        if isWord(token, "OBJECT-TYPE") { return .objectType }
        if isWord(token, "MODULE-IDENTITY") { return .moduleIdentity }
        if isWord(token, "OBJECT-IDENTITY") { return .objectIdentity }
        if isWord(token, "NOTIFICATION-TYPE") { return .notificationType }
        if isWord(token, "TRAP-TYPE") { return .trapType }
        if isWord(token, "OBJECT-GROUP") { return .objectGroup }
        if isWord(token, "NOTIFICATION-GROUP") { return .notificationGroup }
        if isWord(token, "MODULE-COMPLIANCE") { return .moduleCompliance }
        if isWord(token, "AGENT-CAPABILITIES") { return .agentCapabilities }
        return nil
    }

    /// Parses one assignment; `nil` for constructs that define nothing (MACRO definitions are skipped).
    mutating func parseAssignment() throws -> ParsedDefinition? {
        let nameToken = try expect(.identifier, "a definition")
        var definition = ParsedDefinition(name: text(nameToken), kind: .otherValue, position: position(nameToken))
        let next = peek
        if isWord(next, "MACRO") {
            // RFC 2578 §3 and RFC 1212/1215 define their macros in ASN.1 macro notation, which no
            // caller needs: skip to the body's END.
            advance()
            _ = try expect(.assign, "'::='")
            try expectWord("BEGIN")
            while !isWord(peek, "END") {
                if peek.kind == .endOfInput { throw error("MACRO \(definition.name) is not terminated by END", at: peek) }
                advance()
            }
            advance()
            return nil
        }
        if next.kind == .assign {
            advance()
            try parseTypeAssignment(into: &definition)
            return definition
        }
        if isWord(next, "OBJECT") && isWord(peek(1), "IDENTIFIER") {
            advance()
            advance()
            definition.kind = .objectIdentifier
            _ = try expect(.assign, "'::='")
            definition.oid = try parseOIDValue()
            return definition
        }
        if let kind = macroKind(next) {
            advance()
            definition.kind = kind
            try parseClauses(into: &definition, until: .assign)
            _ = try expect(.assign, "'::='")
            if kind == .trapType {
                // RFC 1215: the value is the specific-trap number, not an OID.
                let number = try expect(.number, "a trap number")
                definition.trapNumber = try parseUInt32(number)
            } else {
                definition.oid = try parseOIDValue()
            }
            return definition
        }
        // Some other value assignment, `name Type ::= value`: parse the type, skip the value.
        _ = try parseType()
        _ = try expect(.assign, "'::='")
        if peek.kind == .leftBrace { try skipBalanced() } else { advance() }
        return definition
    }

    /// `T ::= TEXTUAL-CONVENTION ...` (RFC 2579 §2) or `T ::= Type`.
    mutating func parseTypeAssignment(into definition: inout ParsedDefinition) throws {
        if isWord(peek, "TEXTUAL-CONVENTION") {
            advance()
            definition.kind = .textualConvention
            try parseClauses(into: &definition, until: nil)
            guard definition.syntax != nil else {
                throw error("TEXTUAL-CONVENTION \(definition.name) has no SYNTAX", at: peek)
            }
        } else {
            definition.kind = .typeAssignment
            definition.syntax = try parseType()
        }
    }

    /// Parses macro clauses until `::=` (`until: .assign`) or, for a TEXTUAL-CONVENTION, until a token
    /// that is not a clause keyword (its last clause, SYNTAX, is followed by the next assignment).
    mutating func parseClauses(into definition: inout ParsedDefinition, until terminator: MIBToken.Kind?) throws {
        while true {
            let token = peek
            if let terminator, token.kind == terminator { return }
            guard token.kind == .identifier else {
                if terminator == nil { return }
                throw error("expected a clause or '::=' in \(definition.name), found \(describe(token))", at: token)
            }
            if terminator == nil && !isTextualConventionClause(token) { return }
            try parseClause(into: &definition)
        }
    }

    func isTextualConventionClause(_ token: MIBToken) -> Bool {
        isWord(token, "DISPLAY-HINT") || isWord(token, "STATUS") || isWord(token, "DESCRIPTION")
            || isWord(token, "REFERENCE") || isWord(token, "SYNTAX")
    }

    mutating func parseClause(into definition: inout ParsedDefinition) throws {
        let keyword = advance()
        if isWord(keyword, "SYNTAX") {
            let type = try parseType()
            if definition.syntax == nil { definition.syntax = type }
        } else if isWord(keyword, "DESCRIPTION") {
            let value = try parseString()
            if definition.description == nil { definition.description = value }
        } else if isWord(keyword, "STATUS") {
            let value = try expectIdentifier("a status")
            if definition.status == nil { definition.status = value }
        } else if isWord(keyword, "MAX-ACCESS") || isWord(keyword, "ACCESS") || isWord(keyword, "MIN-ACCESS") {
            let value = try expectIdentifier("an access")
            if definition.access == nil { definition.access = value }
        } else if isWord(keyword, "UNITS") {
            let value = try parseString()
            if definition.units == nil { definition.units = value }
        } else if isWord(keyword, "REFERENCE") {
            let value = try parseString()
            if definition.reference == nil { definition.reference = value }
        } else if isWord(keyword, "DISPLAY-HINT") {
            definition.displayHint = try parseString()
        } else if isWord(keyword, "INDEX") {
            try parseIndex(into: &definition)
        } else if isWord(keyword, "AUGMENTS") {
            let names = try parseNameList()
            definition.augments = names.first
        } else if isWord(keyword, "DEFVAL") {
            definition.defaultValue = try parseBracedText()
        } else if isWord(keyword, "OBJECTS") || isWord(keyword, "NOTIFICATIONS") || isWord(keyword, "VARIABLES") {
            let names = try parseNameList()
            if definition.objects.isEmpty { definition.objects = names }
        } else if isWord(keyword, "ENTERPRISE") {
            if peek.kind == .leftBrace {
                definition.enterprise = try parseOIDValue().last?.name
            } else {
                definition.enterprise = try expectIdentifier("an enterprise name")
            }
        } else if isWord(keyword, "WRITE-SYNTAX") {
            _ = try parseType()
        } else if isWord(keyword, "LAST-UPDATED") || isWord(keyword, "ORGANIZATION") || isWord(keyword, "CONTACT-INFO")
            || isWord(keyword, "REVISION") || isWord(keyword, "PRODUCT-RELEASE")
        {
            _ = try parseString()
        } else if isWord(keyword, "MANDATORY-GROUPS") || isWord(keyword, "INCLUDES") || isWord(keyword, "CREATION-REQUIRES") {
            _ = try parseNameList()
        } else if isWord(keyword, "GROUP") || isWord(keyword, "OBJECT") || isWord(keyword, "VARIATION") {
            _ = try expectIdentifier("a name")
        } else if isWord(keyword, "MODULE") || isWord(keyword, "SUPPORTS") {
            // RFC 2580 §5.4.1: the module name is optional (absent means "this module"), and may carry an OID.
            if peek.kind == .identifier && !isComplianceKeyword(peek) { advance() }
            if peek.kind == .leftBrace { try skipBalanced() }
        } else {
            throw error("unknown clause \(describe(keyword)) in \(definition.name)", at: keyword)
        }
    }

    func isComplianceKeyword(_ token: MIBToken) -> Bool {
        isWord(token, "MANDATORY-GROUPS") || isWord(token, "GROUP") || isWord(token, "OBJECT")
            || isWord(token, "MODULE") || isWord(token, "INCLUDES") || isWord(token, "VARIATION")
    }

    mutating func parseString() throws -> String {
        text(try expect(.string, "a quoted string"))
    }

    /// `INDEX { [IMPLIED] name, ... }` (RFC 2578 §7.7). SMIv1 tables may name a type instead of an object.
    mutating func parseIndex(into definition: inout ParsedDefinition) throws {
        _ = try expect(.leftBrace, "'{'")
        var implied = false
        while true {
            let token = advance()
            switch token.kind {
            case .rightBrace:
                return
            case .comma:
                continue
            case .identifier:
                if isWord(token, "IMPLIED") {
                    implied = true
                    continue
                }
                var name = text(token)
                if isWord(token, "OCTET") || isWord(token, "OBJECT"), peek.kind == .identifier {
                    name += " " + text(advance())
                }
                definition.index.append((name, implied))
                implied = false
            default:
                throw error("expected an index object, found \(describe(token))", at: token)
            }
        }
    }

    /// `{ a, b, c }` with Net-SNMP's tolerance of trailing commas.
    mutating func parseNameList() throws -> [String] {
        _ = try expect(.leftBrace, "'{'")
        var names: [String] = []
        while true {
            let token = advance()
            switch token.kind {
            case .rightBrace: return names
            case .comma: continue
            case .identifier: names.append(text(token))
            default: throw error("expected a name, found \(describe(token))", at: token)
            }
        }
    }

    /// The text of a `{ ... }` group as written (tokens joined by single spaces), e.g. DEFVAL values.
    mutating func parseBracedText() throws -> String {
        let open = try expect(.leftBrace, "'{'")
        var depth = 1
        var parts: [String] = []
        while true {
            let token = advance()
            switch token.kind {
            case .leftBrace: depth += 1
            case .rightBrace: depth -= 1
            case .endOfInput: throw error("unbalanced \(describe(open))", at: token)
            default: break
            }
            if depth == 0 { return parts.joined(separator: " ") }
            switch token.kind {
            case .string: parts.append("\"" + text(token) + "\"")
            case .hexString: parts.append("'" + text(token) + "'H")
            case .binaryString: parts.append("'" + text(token) + "'B")
            default: parts.append(text(token))
            }
        }
    }
}
