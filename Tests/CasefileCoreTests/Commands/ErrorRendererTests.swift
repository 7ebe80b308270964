import CasefileCore
import Testing

@Suite("ErrorRenderer")
struct ErrorRendererTests {
    private func error(_ raw: String, line: Int, column: Int, hint: String? = nil) -> CommandError {
        CommandError("bad", at: Word(raw, line: line, column: column), hint: hint)
    }

    @Test("file:line:col, the line, a caret as wide as the word, the hint")
    func basic() {
        let text = ErrorRenderer.render(error("kibrayev", line: 2, column: 6, hint: "did you mean 'kibraev'?"), file: "s.cf",
                                        source: "show a\nshow kibrayev\nshow c")
        #expect(text == "s.cf:2:6: error: bad\n 2 | show kibrayev\n   |      ^^^^^^^^\n  hint: did you mean 'kibraev'?")
    }

    @Test("the caret sits under the word's display column: a tab shown as ^I, wide characters counted twice")
    func displayColumns() {
        #expect(ErrorRenderer.render(error("x", line: 1, column: 4), file: nil, source: "\ta x")
                    == "error: bad\n 1 | ^Ia x\n   |     ^")
        #expect(ErrorRenderer.render(error("x", line: 1, column: 6), file: nil, source: "say 漢 x")
                    == "error: bad\n 1 | say 漢 x\n   |       ^")
        #expect(ErrorRenderer.render(error("Есимов", line: 1, column: 6), file: nil, source: "show Есимов")
                    == "error: bad\n 1 | show Есимов\n   |      ^^^^^^")
        #expect(ErrorRenderer.render(error("👍👍", line: 1, column: 5), file: nil, source: "tag 👍👍")
                    == "error: bad\n 1 | tag 👍👍\n   |     ^^^^")
    }

    @Test("control characters in the line are made visible and the caret follows them")
    func controlCharacters() {
        let text = ErrorRenderer.render(error("y", line: 1, column: 7), file: nil, source: "say \u{1B}[ y")
        #expect(text == "error: bad\n 1 | say ^[[ y\n   |        ^")
    }

    @Test("CRLF line ends are not shown; a line past the end or no word gives no excerpt")
    func edges() {
        #expect(ErrorRenderer.render(error("b", line: 2, column: 1), file: "w.cf", source: "a\r\nb\r\n")
                    == "w.cf:2:1: error: bad\n 2 | b\n   | ^")
        #expect(ErrorRenderer.render(error("b", line: 9, column: 1), file: "w.cf", source: "a\n") == "w.cf:9:1: error: bad")
        #expect(ErrorRenderer.render(CommandError("gone", hint: "h"), file: nil, source: "a") == "error: gone\n  hint: h")
        #expect(ErrorRenderer.render(error("abcdef", line: 1, column: 3), file: nil, source: "x abc")
                    == "error: bad\n 1 | x abc\n   |   ^^^", "the caret stops at the end of the line")
        #expect(ErrorRenderer.render(error("", line: 1, column: 7), file: nil, source: "x abc")
                    == "error: bad\n 1 | x abc\n   |       ^", "a caret just past the end marks a missing word")
    }

    @Test("SourceLines finds any line, with LF or CRLF ends, and nothing past the end")
    func sourceLines() {
        let lines = SourceLines("one\r\ntwo\n\nfour")
        #expect((0...5).map { lines.line($0) } == [nil, "one", "two", "", "four", nil])
    }
}
