import CasefileCore
import CasefileTestSupport
import Testing

@Suite("ErrorLayout")
struct ErrorLayoutTests {
    /// The column (in cells) where `word` starts on the source row, and where the caret starts.
    static func columns(_ lines: [String], word: String) -> (word: Int?, caret: Int?) {
        guard let source = lines.first(where: { $0.hasPrefix(" 1 | ") }), let caret = lines.first(where: { $0.contains("^") })
        else { return (nil, nil) }
        let wordColumn = source.range(of: word).map { TextWidth.of(String(source[..<$0.lowerBound])) }
        let caretColumn = caret.firstIndex(of: "^").map { TextWidth.of(String(caret[..<$0])) }
        return (wordColumn, caretColumn)
    }

    @Test("a command wider than the terminal is shown around the word, the caret under it", arguments: [80, 100, 120])
    func caretStaysUnderTheWord(width: Int) {
        let session = TranscriptSession(width: width)
        let line = #"link zhukov mentions azattyq-2019-12-06 note="Азаттық радиосы сообщает о приговоре, цитирует последнее слово Жукова в суде и пишет о реакции студентов ВШЭ" nobody-here"#
        let rendered = session.notebook.runInteractive(line).joined(separator: "\n")
        let lines = ErrorLayout.fit(rendered, width: width).split(separator: "\n").map(String.init)
        for shown in lines { #expect(TextWidth.of(shown) <= width, "\(shown)") }
        let (word, caret) = Self.columns(lines, word: "nobody-here")
        #expect(word != nil && word == caret, "\(lines.joined(separator: "\n"))")
    }

    @Test("the word at the end of a long line keeps the caret under it and the line starts with …")
    func endOfLine() {
        let session = TranscriptSession()
        session.setUp(#"add person "Егор Жуков" handle=@ZhukovEgor"#)
        let line = #"annotate zhukov "Задержан 2 августа 2019 года; обвинение в массовых беспорядках сняли, дело об экстремизме ушло в суд" extra"#
        let rendered = session.notebook.runInteractive(line).joined(separator: "\n")
        let lines = ErrorLayout.fit(rendered, width: 80).split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix(" 1 | …") })
        let (word, caret) = Self.columns(lines, word: "extra")
        #expect(word != nil && word == caret, "\(lines.joined(separator: "\n"))")
        for shown in lines { #expect(TextWidth.of(shown) <= 80) }
    }

    @Test("a short error is left as it was")
    func shortErrorUnchanged() {
        let text = "error: nothing to undo\n 1 | undo\n   | ^^^^"
        #expect(ErrorLayout.fit(text, width: 80) == text)
    }
}
