/// Recursive-descent parser for SMIv1 (RFC 1155, 1212, 1215) and SMIv2 (RFC 2578, 2579, 2580) modules.
///
/// It is tolerant where Net-SNMP is: missing IMPORTS, underscores in names, trailing commas,
/// unknown clauses inside macro invocations. An error inside one definition is recorded with its
/// position and the parser resynchronises at the next definition, so one bad line costs one node.
struct MIBParser {
    let bytes: [UInt8]
    let tokens: [MIBToken]
    let file: String
    var index = 0
    var errors: [MIBError] = []
    var currentModule: String?

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.tokens = MIBLexer.tokenize(bytes)
        self.file = file
    }

    /// Parses every module in the file. Errors do not stop the parse; they are returned with the modules.
    static func parse(bytes: [UInt8], file: String) -> (modules: [ParsedModule], errors: [MIBError]) {
        var parser = MIBParser(bytes: bytes, file: file)
        var modules: [ParsedModule] = []
        while parser.peek.kind != .endOfInput {
            do {
                modules.append(try parser.parseModule())
            } catch let error as MIBError {
                parser.errors.append(error)
                // Without a header there is nothing to resynchronise on: the rest of the file is unusable.
                break
            } catch {
                break
            }
        }
        if modules.isEmpty && parser.errors.isEmpty {
            parser.errors.append(MIBError(.syntax, "no module definition found", file: file, line: 1, column: 1))
        }
        return (modules, parser.errors)
    }

    // MARK: Token access

    var peek: MIBToken { tokens[index] }

    func peek(_ offset: Int) -> MIBToken {
        let target = index + offset
        return target < tokens.count ? tokens[target] : tokens[tokens.count - 1]
    }

    @discardableResult
    mutating func advance() -> MIBToken {
        let token = tokens[index]
        if token.kind != .endOfInput { index += 1 }
        return token
    }

    /// `true` when the token is the identifier `word` (SMI keywords are case-sensitive).
    func isWord(_ token: MIBToken, _ word: StaticString) -> Bool {
        guard token.kind == .identifier, Int(token.length) == word.utf8CodeUnitCount else { return false }
        let start = Int(token.start)
        return word.withUTF8Buffer { expected in
            var i = 0
            while i < expected.count {
                if bytes[start + i] != expected[i] { return false }
                i += 1
            }
            return true
        }
    }

    func text(_ token: MIBToken) -> String {
        let start = Int(token.start)
        return String(decoding: bytes[start..<start + Int(token.length)], as: UTF8.self)
    }

    func position(_ token: MIBToken) -> SourcePosition {
        SourcePosition(line: Int(token.line), column: Int(token.column))
    }

    func describe(_ token: MIBToken) -> String {
        switch token.kind {
        case .endOfInput: return "end of file"
        case .string: return "a string"
        case .unknown: return "'\(text(token))'"
        default: return "'\(text(token))'"
        }
    }

    func error(_ message: String, at token: MIBToken) -> MIBError {
        let code: MIBError.Code = token.kind == .unknown ? .invalidCharacter : .syntax
        var reason = message
        if token.kind == .unknown, bytes[Int(token.start)] == UInt8(ascii: "\"") {
            reason = "unterminated string"
        }
        return MIBError(code, reason, file: file, module: currentModule, line: Int(token.line), column: Int(token.column))
    }

    mutating func expect(_ kind: MIBToken.Kind, _ what: String) throws -> MIBToken {
        let token = peek
        guard token.kind == kind else { throw error("expected \(what), found \(describe(token))", at: token) }
        return advance()
    }

    mutating func expectWord(_ word: StaticString) throws {
        guard isWord(peek, word) else { throw error("expected '\(word)', found \(describe(peek))", at: peek) }
        advance()
    }

    mutating func expectIdentifier(_ what: String) throws -> String {
        text(try expect(.identifier, what))
    }

    // MARK: Module structure

    /// `Name DEFINITIONS ::= BEGIN ... END` (X.208 §8 ModuleDefinition).
    mutating func parseModule() throws -> ParsedModule {
        let nameToken = try expect(.identifier, "module name")
        var module = ParsedModule(name: text(nameToken), position: position(nameToken))
        currentModule = module.name
        // A module identifier `{ oid }` may follow the name (X.208 §8); SMI modules rarely use it.
        if peek.kind == .leftBrace { try skipBalanced() }
        try expectWord("DEFINITIONS")
        // Tag defaults (`IMPLICIT TAGS`) are legal ASN.1 but mean nothing for SMI.
        while peek.kind == .identifier && !isWord(peek, "BEGIN") { advance() }
        _ = try expect(.assign, "'::='")
        try expectWord("BEGIN")
        try parseBody(into: &module)
        currentModule = nil
        return module
    }

    mutating func parseBody(into module: inout ParsedModule) throws {
        while true {
            let token = peek
            if token.kind == .endOfInput {
                errors.append(error("module \(module.name) is not terminated by END", at: token))
                return
            }
            if isWord(token, "END") {
                advance()
                return
            }
            let start = index
            do {
                if isWord(token, "IMPORTS") {
                    module.imports += try parseImports()
                    module.isSMIv2 = module.imports.contains { $0.module == "SNMPv2-SMI" }
                } else if isWord(token, "EXPORTS") {
                    while peek.kind != .semicolon && peek.kind != .endOfInput { advance() }
                    _ = try expect(.semicolon, "';'")
                } else if let definition = try parseAssignment() {
                    module.definitions.append(definition)
                }
            } catch let failure as MIBError {
                errors.append(failure)
                if index == start { advance() }
                resynchronise()
            }
        }
    }

    /// Skips to the start of the next plausible assignment after an error.
    mutating func resynchronise() {
        while peek.kind != .endOfInput {
            if isWord(peek, "END") && peek(1).kind == .endOfInput { return }
            if peek.kind == .identifier && startsAssignment(at: 1) { return }
            advance()
        }
    }

    func startsAssignment(at offset: Int) -> Bool {
        let next = peek(offset)
        if next.kind == .assign { return true }
        if isWord(next, "OBJECT") && isWord(peek(offset + 1), "IDENTIFIER") { return true }
        return macroKind(next) != nil || isWord(next, "MACRO")
    }

    /// `IMPORTS sym, sym FROM Module ... ;` (RFC 2578 §3.2).
    mutating func parseImports() throws -> [ParsedImport] {
        advance()
        var imports: [ParsedImport] = []
        var symbols: [String] = []
        while true {
            let token = peek
            if token.kind == .semicolon {
                advance()
                break
            }
            if token.kind == .comma {
                advance()
                continue
            }
            if isWord(token, "FROM") {
                advance()
                let moduleToken = try expect(.identifier, "module name after FROM")
                imports.append(ParsedImport(module: text(moduleToken), symbols: symbols, position: position(moduleToken)))
                symbols = []
                if peek.kind == .leftBrace { try skipBalanced() }
                // Tolerate a missing ';': stop when the next tokens already start a definition.
                if peek.kind == .identifier && startsAssignment(at: 1) { break }
                continue
            }
            if token.kind == .identifier {
                symbols.append(text(advance()))
                continue
            }
            throw error("expected an imported name, FROM or ';', found \(describe(token))", at: token)
        }
        if !symbols.isEmpty {
            throw error("imported names without FROM", at: tokens[max(index - 1, 0)])
        }
        return imports
    }

    /// Skips a `{ ... }` or `( ... )` group with nesting.
    mutating func skipBalanced() throws {
        let open = advance()
        var depth = 1
        while depth > 0 {
            let token = advance()
            switch token.kind {
            case .leftBrace, .leftParen: depth += 1
            case .rightBrace, .rightParen: depth -= 1
            case .endOfInput: throw error("unbalanced \(describe(open))", at: token)
            default: break
            }
        }
    }
}
