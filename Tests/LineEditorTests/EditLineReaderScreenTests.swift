import CasefileTestSupport
import Foundation
import Testing

/// What the user sees: the demo's output replayed on a model xterm screen.
@Suite("EditLineReader as seen on screen", .serialized)
struct EditLineReaderScreenTests {
    private let longLine = "add post Завтра у Есимова на ланче в Алматы show Е"

    @Test func candidateListStaysVisibleUnderAWrappedLine() throws {
        let terminal = try DemoSession.start(columns: 40)
        try terminal.send(longLine + "\t")
        try terminal.waitForScreen(" в Алматы show Ес")
        #expect(Array(terminal.screen.lines.prefix(5)) == [
            "demo> add post Завтра у Есимова на ланче",
            " в Алматы show Е",
            "Есимов  Есенов",
            "demo> add post Завтра у Есимова на ланче",
            " в Алматы show Ес",
        ])
        #expect(terminal.screen.cursorRow == 4)
        #expect(terminal.screen.cursorColumn == 17)
        try terminal.enter("", expecting: longLine + "с")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func candidateListStaysVisibleWhenTheCursorIsOnTheFirstRow() throws {
        let terminal = try DemoSession.start(columns: 40)
        // Ctrl-A, then TAB on the empty word at the start of the line: every word is listed.
        try terminal.send(longLine + "\u{01}\t")
        try terminal.waitForScreen("esimov")
        let screen = try terminal.waitForScreen("Қазақстан")
        #expect(screen.contains("help                 extremkz-2014-02-04"))
        #expect(screen.contains("show                 Есимов"))
        // The line is drawn again below the list, whole, with the cursor at its start.
        let lines = terminal.screen.lines
        let redrawn = try #require(lines.lastIndex(of: "demo> add post Завтра у Есимова на ланче"))
        #expect(redrawn > 2)
        #expect(lines[redrawn + 1] == " в Алматы show Е")
        #expect(lines[redrawn - 1] == "esimov")
        #expect(terminal.screen.cursorRow == redrawn)
        #expect(terminal.screen.cursorColumn == 6)
        try terminal.send("\u{03}")
        try terminal.waitFor("interrupted")
        try terminal.waitFor(DemoSession.prompt)
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func colouredPromptKeepsTheCursorWhereTheTextIs() throws {
        let terminal = try DemoSession.start(color: true)
        try terminal.send("Есимов\u{1b}[D\u{1b}[DX")
        try terminal.waitForScreen("demo> ЕсимXов")
        #expect(terminal.screen.cursorColumn == "demo> ЕсимX".count)
        try terminal.enter("", expecting: "ЕсимXов")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func backspaceOverKazakhLettersErasesWholeCharacters() throws {
        let terminal = try DemoSession.start()
        try terminal.send("Қазақстан\u{7f}\u{7f}\u{7f}")
        try terminal.waitForScreen("demo> Қазақс")
        #expect(terminal.screen.lines[0] == "demo> Қазақс")
        #expect(terminal.screen.cursorColumn == "demo> Қазақс".count)
        try terminal.enter("", expecting: "Қазақс")
        #expect(try terminal.quit() == .exited(0))
    }
}
