import CasefileTestSupport
import Testing

/// The model screen the terminal tests read: it must be right, or they prove nothing.
struct TerminalScreenTests {
    private func screen(_ output: String, columns: Int = 10, rows: Int = 4) -> TerminalScreen {
        var screen = TerminalScreen(columns: columns, rows: rows)
        screen.feed(Array(output.utf8))
        return screen
    }

    @Test func textWrapsAfterTheLastColumnOnlyWhenMoreFollows() {
        let exact = screen("0123456789")
        #expect(exact.lines[0] == "0123456789")
        #expect(exact.cursorRow == 0)
        let more = screen("0123456789Ес")
        #expect(more.lines == ["0123456789", "Ес", "", ""])
        #expect(more.cursorColumn == 2)
    }

    @Test func cursorMovesAndErasuresApply() {
        let moved = screen("abcdef\u{1b}[3D\u{1b}[K\r\nxy\u{1b}[AZ")
        #expect(moved.lines[0] == "abZ")
        #expect(moved.lines[1] == "xy")
        let backspaced = screen("Қазақ\u{08}\u{08}\u{1b}[P")
        #expect(backspaced.lines[0] == "Қазқ")
        let inserted = screen("abc\r\u{1b}[4hX\u{1b}[4l")
        #expect(inserted.lines[0] == "Xabc")
    }

    @Test func linesScrollOffTheTopAndColoursAreIgnored() {
        let scrolled = screen("1\r\n2\r\n3\r\n4\r\n\u{1b}[1;31m5\u{1b}[0m")
        #expect(scrolled.lines == ["2", "3", "4", "5"])
    }

    @Test func sequencesSplitBetweenWritesStillWork() {
        var screen = TerminalScreen(columns: 10, rows: 2)
        let bytes = Array("Е\u{1b}[1;31mс".utf8)
        for byte in bytes { screen.feed([byte]) }
        #expect(screen.lines[0] == "Ес")
    }
}
