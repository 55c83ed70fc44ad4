/// Types (RFC 2578 §7.1 SYNTAX, with the subtyping of §9) and OBJECT IDENTIFIER values.
extension MIBParser {
    /// Parses a type: a reference with optional named numbers or constraints, BITS, SEQUENCE,
    /// SEQUENCE OF, CHOICE or a tagged type.
    mutating func parseType() throws -> ParsedType {
        let token = peek
        if token.kind == .leftBracket {
            return try parseTaggedType()
        }
        let first = try expect(.identifier, "a type")
        if isWord(first, "BITS") {
            var refinement = ParsedRefinement()
            if peek.kind == .leftBrace { refinement.namedNumbers = try parseNamedNumbers() }
            return .bits(refinement.namedNumbers)
        }
        if isWord(first, "SEQUENCE") || isWord(first, "CHOICE") {
            if isWord(first, "SEQUENCE") && isWord(peek, "OF") {
                advance()
                return .sequenceOf(try expectIdentifier("a row type after SEQUENCE OF"))
            }
            let members = try parseMembers()
            return isWord(first, "SEQUENCE") ? .sequence(members) : .choice(members)
        }
        var name = text(first)
        if isWord(first, "OCTET") || isWord(first, "OBJECT") {
            let second = try expect(.identifier, "STRING or IDENTIFIER")
            name += " " + text(second)
        }
        // A module-qualified reference (`SNMPv2-TC.DisplayString`) names the type after the dot.
        if peek.kind == .dot, peek(1).kind == .identifier {
            advance()
            name = text(advance())
        }
        return .named(name, try parseRefinement())
    }

    /// `[APPLICATION 1] IMPLICIT INTEGER (0..4294967295)` (X.208 §26).
    mutating func parseTaggedType() throws -> ParsedType {
        _ = try expect(.leftBracket, "'['")
        var tagClass = "CONTEXT"
        if peek.kind == .identifier { tagClass = text(advance()) }
        let number = try parseUInt32(try expect(.number, "a tag number"))
        _ = try expect(.rightBracket, "']'")
        if isWord(peek, "IMPLICIT") || isWord(peek, "EXPLICIT") { advance() }
        return .tagged(tagClass: tagClass, number: number, try parseType())
    }

    /// `{ name Type, ... }` of a SEQUENCE or CHOICE.
    mutating func parseMembers() throws -> [(String, ParsedType)] {
        _ = try expect(.leftBrace, "'{'")
        var members: [(String, ParsedType)] = []
        while true {
            if peek.kind == .rightBrace {
                advance()
                return members
            }
            if peek.kind == .comma {
                advance()
                continue
            }
            let name = try expectIdentifier("a member name")
            members.append((name, try parseType()))
        }
    }

    /// Optional `{ named numbers }`, `(ranges)` or `(SIZE (ranges))` after a type reference.
    mutating func parseRefinement() throws -> ParsedRefinement {
        var refinement = ParsedRefinement()
        if peek.kind == .leftBrace {
            refinement.namedNumbers = try parseNamedNumbers()
        }
        while peek.kind == .leftParen {
            advance()
            if isWord(peek, "SIZE") {
                advance()
                _ = try expect(.leftParen, "'(' after SIZE")
                refinement.sizes += try parseRanges()
                _ = try expect(.rightParen, "')'")
                // Some MIBs write `(SIZE (4) | SIZE (16))`: accept further alternatives.
                while peek.kind == .bar, isWord(peek(1), "SIZE") {
                    advance()
                    advance()
                    _ = try expect(.leftParen, "'(' after SIZE")
                    refinement.sizes += try parseRanges()
                    _ = try expect(.rightParen, "')'")
                }
            } else {
                refinement.ranges += try parseRanges()
            }
            _ = try expect(.rightParen, "')'")
        }
        return refinement
    }

    /// `a(1), b(2)` inside braces (RFC 2578 §7.1.1, §7.1.4); trailing commas tolerated.
    mutating func parseNamedNumbers() throws -> [ParsedNamedNumber] {
        _ = try expect(.leftBrace, "'{'")
        var values: [ParsedNamedNumber] = []
        while true {
            let token = advance()
            switch token.kind {
            case .rightBrace:
                return values
            case .comma:
                continue
            case .identifier:
                _ = try expect(.leftParen, "'(' after \(text(token))")
                let value = try parseSignedNumber()
                _ = try expect(.rightParen, "')'")
                values.append(ParsedNamedNumber(name: text(token), value: value))
            default:
                throw error("expected a named number, found \(describe(token))", at: token)
            }
        }
    }

    mutating func parseSignedNumber() throws -> Int64 {
        let negative = peek.kind == .minus
        if negative { advance() }
        let token = try expect(.number, "a number")
        guard let magnitude = Int64(text(token)) else { throw error("number out of range", at: token) }
        return negative ? -magnitude : magnitude
    }

    /// `v | v..v | ...` up to (not including) the closing parenthesis.
    mutating func parseRanges() throws -> [(MIBRangeValue, MIBRangeValue)] {
        var ranges: [(MIBRangeValue, MIBRangeValue)] = []
        while true {
            let lower = try parseRangeValue()
            var upper = lower
            if peek.kind == .range {
                advance()
                upper = try parseRangeValue()
            }
            ranges.append((lower, upper))
            guard peek.kind == .bar else { return ranges }
            advance()
        }
    }

    mutating func parseRangeValue() throws -> MIBRangeValue {
        let token = advance()
        switch token.kind {
        case .number:
            let digits = text(token)
            if let value = Int64(digits) { return .signed(value) }
            if let value = UInt64(digits) { return .unsigned(value) }
            throw error("number out of range", at: token)
        case .minus:
            let number = try expect(.number, "a number after '-'")
            guard let value = Int64("-" + text(number)) else { throw error("number out of range", at: number) }
            return .signed(value)
        case .hexString, .binaryString:
            let digits = text(token)
            guard digits.count <= (token.kind == .hexString ? 16 : 64),
                let value = UInt64(digits.isEmpty ? "0" : digits, radix: token.kind == .hexString ? 16 : 2)
            else { throw error("invalid \(token.kind == .hexString ? "hex" : "binary") value", at: token) }
            return value <= UInt64(Int64.max) ? .signed(Int64(value)) : .unsigned(value)
        case .identifier where isWord(token, "MIN"):
            return .min
        case .identifier where isWord(token, "MAX"):
            return .max
        default:
            throw error("expected a range value, found \(describe(token))", at: token)
        }
    }

    func parseUInt32(_ token: MIBToken) throws -> UInt32 {
        guard let value = UInt32(text(token)) else { throw error("number does not fit 32 bits", at: token) }
        return value
    }

    /// `{ parent 1 named(2) 3 }` (RFC 2578 §3.7, X.208 §28.3 NameAndNumberForm).
    mutating func parseOIDValue() throws -> [ParsedOIDComponent] {
        _ = try expect(.leftBrace, "'{' starting an OBJECT IDENTIFIER value")
        var components: [ParsedOIDComponent] = []
        while true {
            let token = advance()
            switch token.kind {
            case .rightBrace:
                guard !components.isEmpty else { throw error("empty OBJECT IDENTIFIER value", at: token) }
                return components
            case .number:
                components.append(ParsedOIDComponent(name: nil, number: try parseUInt32(token)))
            case .identifier:
                var component = ParsedOIDComponent(name: text(token), number: nil)
                if peek.kind == .dot, peek(1).kind == .identifier {
                    // `Module.name`: keep the name.
                    advance()
                    component.name = text(advance())
                }
                if peek.kind == .leftParen {
                    advance()
                    component.number = try parseUInt32(try expect(.number, "an arc number"))
                    _ = try expect(.rightParen, "')'")
                }
                components.append(component)
            case .comma:
                continue
            default:
                throw error("expected an OID component or '}', found \(describe(token))", at: token)
            }
        }
    }
}
