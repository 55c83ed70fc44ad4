import Testing

@testable import SNMPMIB

@Suite struct LexerTests {
    @Test func commentsEndAtDoubleDashOrLineEnd() {
        let tokens = MIBLexer.tokenize(Array("a -- c1 -- b -- c2\nc".utf8))
        #expect(tokens.map(\.kind) == [.identifier, .identifier, .identifier, .endOfInput])
        #expect(tokens[2].line == 2 && tokens[2].column == 1)
    }
}
