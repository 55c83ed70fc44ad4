#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits an SMI module's bytes into tokens.
///
/// Comments follow ASN.1: `--` starts one, and it ends at the next `--` or at the end of the line
/// (X.208 §9.6). Net-SNMP accepts the same, so MIBs that rely on it (`-- a -- b`) read the same here.
struct MIBLexer {
    private let bytes: [UInt8]
    private var offset = 0
    private var line: Int32 = 1
    private var lineStart = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Tokenizes the whole input; the last token is always `.endOfInput`.
    static func tokenize(_ bytes: [UInt8]) -> [MIBToken] {
        var lexer = MIBLexer(bytes: bytes)
        var tokens: [MIBToken] = []
        tokens.reserveCapacity(bytes.count / 6)
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    /// Letters, digits, `-` and `_` (a comparison, not a table: no lazy global to check on every byte).
    @inline(__always)
    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_")
    }

    private func token(_ kind: MIBToken.Kind, _ start: Int, _ length: Int, line: Int32, column: Int32) -> MIBToken {
        MIBToken(kind: kind, start: Int32(start), length: Int32(length), line: line, column: column)
    }

    mutating func next() -> MIBToken {
        skipSpaceAndComments()
        let start = offset
        let column = Int32(start - lineStart + 1)
        let startLine = line
        guard start < bytes.count else {
            return token(.endOfInput, start, 0, line: startLine, column: column)
        }
        let byte = bytes[start]
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var end = start + 1
            while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
            offset = end
            return token(.number, start, end - start, line: startLine, column: column)
        case UInt8(ascii: "\""):
            return quoted(start: start, line: startLine, column: column)
        case UInt8(ascii: "'"):
            return binaryOrHex(start: start, line: startLine, column: column)
        case UInt8(ascii: ":"):
            if start + 2 < bytes.count, bytes[start + 1] == UInt8(ascii: ":"), bytes[start + 2] == UInt8(ascii: "=") {
                offset = start + 3
                return token(.assign, start, 3, line: startLine, column: column)
            }
        case UInt8(ascii: "."):
            if start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: ".") {
                offset = start + 2
                return token(.range, start, 2, line: startLine, column: column)
            }
            offset = start + 1
            return token(.dot, start, 1, line: startLine, column: column)
        case UInt8(ascii: "{"): return single(.leftBrace, start, startLine, column)
        case UInt8(ascii: "}"): return single(.rightBrace, start, startLine, column)
        case UInt8(ascii: "("): return single(.leftParen, start, startLine, column)
        case UInt8(ascii: ")"): return single(.rightParen, start, startLine, column)
        case UInt8(ascii: "["): return single(.leftBracket, start, startLine, column)
        case UInt8(ascii: "]"): return single(.rightBracket, start, startLine, column)
        case UInt8(ascii: ","): return single(.comma, start, startLine, column)
        case UInt8(ascii: ";"): return single(.semicolon, start, startLine, column)
        case UInt8(ascii: "|"): return single(.bar, start, startLine, column)
        case UInt8(ascii: "-"): return single(.minus, start, startLine, column)
        default:
            if Self.isIdentifierByte(byte) {
                let end = Self.identifierEnd(bytes, from: start + 1)
                offset = end
                return token(.identifier, start, end - start, line: startLine, column: column)
            }
        }
        offset = start + 1
        return token(.unknown, start, 1, line: startLine, column: column)
    }

    private mutating func single(_ kind: MIBToken.Kind, _ start: Int, _ line: Int32, _ column: Int32) -> MIBToken {
        offset = start + 1
        return token(kind, start, 1, line: line, column: column)
    }

    /// Where an identifier that continues at `index` ends. A `--` inside a name starts a comment
    /// (X.208 §9.6), as in `foo--comment`.
    private static func identifierEnd(_ bytes: [UInt8], from index: Int) -> Int {
        // Unchecked indexing: the loop is the lexer's hottest, and every index is tested against count.
        bytes.withUnsafeBufferPointer { buffer in
            var end = index
            while end < buffer.count, isIdentifierByte(buffer[end]) {
                if buffer[end] == UInt8(ascii: "-"), end + 1 < buffer.count, buffer[end + 1] == UInt8(ascii: "-") { break }
                end += 1
            }
            return end
        }
    }

    /// The closing quote's index (or `bytes.count`), the newlines before it and the last one's index.
    private static func quotedEnd(_ bytes: [UInt8], from index: Int) -> (end: Int, newlines: Int32, lastNewline: Int) {
        bytes.withUnsafeBufferPointer { (buffer) -> (end: Int, newlines: Int32, lastNewline: Int) in
            guard let base = buffer.baseAddress, index < buffer.count else { return (buffer.count, 0, -1) }
            // DESCRIPTIONs are most of a MIB's bytes: find the quote with memchr, then count the lines
            // in a loop the compiler vectorises, instead of testing two conditions per byte.
            var end = buffer.count
            if let found = memchr(base + index, Int32(UInt8(ascii: "\"")), buffer.count - index) {
                end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            }
            var newlines: Int32 = 0
            for byte in UnsafeBufferPointer(rebasing: buffer[index..<end]) where byte == UInt8(ascii: "\n") {
                newlines &+= 1
            }
            var lastNewline = -1
            if newlines > 0 {
                var position = end - 1
                while buffer[position] != UInt8(ascii: "\n") { position -= 1 }
                lastNewline = position
            }
            return (end, newlines, lastNewline)
        }
    }

    private mutating func quoted(start: Int, line startLine: Int32, column: Int32) -> MIBToken {
        let (index, newlines, lastNewline) = Self.quotedEnd(bytes, from: start + 1)
        if newlines > 0 {
            line += newlines
            lineStart = lastNewline + 1
        }
        guard index < bytes.count else {
            // An unterminated string swallows the rest of the file; report it where it began.
            offset = bytes.count
            return token(.unknown, start, 1, line: startLine, column: column)
        }
        offset = index + 1
        return token(.string, start + 1, index - start - 1, line: startLine, column: column)
    }

    private mutating func binaryOrHex(start: Int, line startLine: Int32, column: Int32) -> MIBToken {
        var index = start + 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "'"), bytes[index] != UInt8(ascii: "\n") { index += 1 }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "'") else {
            offset = start + 1
            return token(.unknown, start, 1, line: startLine, column: column)
        }
        let suffix = bytes[index + 1] | 0x20
        let kind: MIBToken.Kind
        switch suffix {
        case UInt8(ascii: "h"): kind = .hexString
        case UInt8(ascii: "b"): kind = .binaryString
        default:
            offset = start + 1
            return token(.unknown, start, 1, line: startLine, column: column)
        }
        offset = index + 2
        return token(kind, start + 1, index - start - 1, line: startLine, column: column)
    }

    private mutating func skipSpaceAndComments() {
        let (end, newlines, lastNewline) = Self.spaceAndCommentsEnd(bytes, from: offset)
        offset = end
        if newlines > 0 {
            line += newlines
            lineStart = lastNewline + 1
        }
    }

    /// Where the white space and comments starting at `index` end, with the newlines among them.
    private static func spaceAndCommentsEnd(_ bytes: [UInt8], from index: Int) -> (end: Int, newlines: Int32, lastNewline: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = index
            var newlines: Int32 = 0
            var lastNewline = -1
            while offset < buffer.count {
                let byte = buffer[offset]
                if byte == UInt8(ascii: "\n") {
                    newlines += 1
                    lastNewline = offset
                    offset += 1
                } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
                    || byte == 0x0B || byte == 0x0C
                {
                    offset += 1
                } else if byte == UInt8(ascii: "-"), offset + 1 < buffer.count, buffer[offset + 1] == UInt8(ascii: "-") {
                    // A comment ends at the next `--` or at the end of the line (the newline is not part of it).
                    offset += 2
                    while offset < buffer.count {
                        let inner = buffer[offset]
                        if inner == UInt8(ascii: "\n") || inner == UInt8(ascii: "\r") { break }
                        if inner == UInt8(ascii: "-"), offset + 1 < buffer.count, buffer[offset + 1] == UInt8(ascii: "-") {
                            offset += 2
                            break
                        }
                        offset += 1
                    }
                } else {
                    break
                }
            }
            return (offset, newlines, lastNewline)
        }
    }
}
