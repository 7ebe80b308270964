import CasefileCore
import Testing

@Suite("TextWidth and Terminal")
struct TextWidthTests {
    @Test("columns: Latin and Cyrillic one each, CJK and emoji two, combining marks none")
    func widths() {
        #expect(TextWidth.of("abc") == 3)
        #expect(TextWidth.of("Қазақ") == 5)
        #expect(TextWidth.of("漢字") == 4)
        #expect(TextWidth.of("👍") == 2)
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.of("") == 0)
    }

    @Test("truncate cuts to the width with an ellipsis, never inside a wide character")
    func truncate() {
        #expect(TextWidth.truncate("Tomorrow at lunch", to: 8) == "Tomorro…")
        #expect(TextWidth.truncate("short", to: 8) == "short")
        #expect(TextWidth.truncate("漢字漢字", to: 6) == "漢字…")
        #expect(TextWidth.of(TextWidth.truncate("漢字漢字", to: 6)) <= 6)
        #expect(TextWidth.truncate("abc", to: 0) == "…")
    }

    @Test("wrap keeps words whole, keeps explicit line breaks, and breaks a word longer than a line")
    func wrap() {
        #expect(TextWidth.wrap("Завтра у Есимова на ланче", width: 10) == ["Завтра у", "Есимова на", "ланче"])
        #expect(TextWidth.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
        #expect(TextWidth.wrap("abcdefghijklmnop", width: 8) == ["abcdefgh", "ijklmnop"])
        for line in TextWidth.wrap("漢字漢字漢字漢字漢字 👍👍👍👍👍👍 word", width: 9) { #expect(TextWidth.of(line) <= 9) }
    }

    @Test("pad fills to the width and leaves longer text alone")
    func pad() {
        #expect(TextWidth.pad("ab", to: 4) == "ab  ")
        #expect(TextWidth.pad("漢", to: 4) == "漢  ")
        #expect(TextWidth.pad("abcdef", to: 4) == "abcdef")
    }

    @Test("Terminal.visible shows control characters, escape sequences and bidi overrides")
    func visible() {
        #expect(Terminal.visible("plain text\n") == "plain text\n")
        #expect(Terminal.visible("a\u{1B}[31mred") == "a^[[31mred")
        #expect(Terminal.visible("tab\there", keepNewlines: false) == "tab^Ihere")
        #expect(Terminal.visible("x\u{202E}y") == "x<U+202E>y")
        #expect(Terminal.visible("\u{7F}\u{85}") == "^?<U+85>")
        #expect(Terminal.visible("two\nlines", keepNewlines: false) == "two^Jlines")
    }
}
