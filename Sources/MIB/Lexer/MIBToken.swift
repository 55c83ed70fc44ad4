/// One lexical token of an SMI module (RFC 2578 §3, ASN.1 X.208 lexical rules as SMI uses them).
///
/// Tokens keep byte offsets into the source instead of strings: most tokens (keywords, braces) are
/// compared once and dropped, so building a `String` for each would dominate the parse time.
struct MIBToken: Sendable {
    /// What the token is.
    enum Kind: UInt8, Sendable {
        /// A name: letters, digits, `-` and `_` (underscores are illegal in SMI but common in vendor MIBs).
        case identifier
        /// An unsigned decimal number.
        case number
        /// A `"..."` string, possibly spanning lines; `start`/`length` cover the text inside the quotes.
        case string
        /// `'...'H`; `start`/`length` cover the hex digits.
        case hexString
        /// `'...'B`; `start`/`length` cover the binary digits.
        case binaryString
        case assign        // ::=
        case leftBrace, rightBrace, leftParen, rightParen, leftBracket, rightBracket
        case comma, semicolon, range, bar, dot, minus
        /// Any other byte; the parser reports it with its position.
        case unknown
        case endOfInput
    }

    var kind: Kind
    /// Offset of the first byte of the token's text in the source.
    var start: Int32
    /// Length of the token's text in bytes.
    var length: Int32
    /// 1-based line of the token's first byte.
    var line: Int32
    /// 1-based column (in bytes) of the token's first byte.
    var column: Int32
}
