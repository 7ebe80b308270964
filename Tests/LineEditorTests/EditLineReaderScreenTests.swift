import CasefileTestSupport
import Foundation
import Testing

/// What the user sees: the demo's output replayed on a model xterm screen. Output arrives
/// in pieces, so each check waits for the exact expected state (rows and cursor) and only
/// fails when it never comes.
@Suite("EditLineReader as seen on screen", .serialized)
struct EditLineReaderScreenTests {
    private let longLine = "add post Завтра у Есимова на ланче в Алматы show Е"

    @Test func candidateListStaysVisibleUnderAWrappedLine() throws {
        let terminal = try DemoSession.start(columns: 40)
        try terminal.send(longLine + "\t")
        let expected = [
            "demo> add post Завтра у Есимова на ланче",
            " в Алматы show Е",
            "Есимов  Есенов",
            "demo> add post Завтра у Есимова на ланче",
            " в Алматы show Ес",
        ]
        try terminal.waitForScreen("the list between the line and its redrawn copy") { screen in
            Array(screen.lines.prefix(5)) == expected && screen.cursorRow == 4 && screen.cursorColumn == 17
        }
        try terminal.enter("", expecting: longLine + "с")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func candidateListStaysVisibleWhenTheCursorIsOnTheFirstRow() throws {
        let terminal = try DemoSession.start(columns: 40)
        // Ctrl-A, then TAB on the empty word at the start of the line: every word is listed.
        try terminal.send(longLine + "\u{01}\t")
        let expected = [
            "demo> add post Завтра у Есимова на ланче",
            " в Алматы show Е",
            "help                 extremkz-2014-02-04",
            "show                 Есимов",
            "search               Есенов",
            "aitelenov            Қазақстан",
            "esimov",
            "demo> add post Завтра у Есимова на ланче",
            " в Алматы show Е",
        ]
        // The line is drawn again below the list, whole, with the cursor at its start.
        try terminal.waitForScreen("all words listed, the line redrawn below") { screen in
            Array(screen.lines.prefix(9)) == expected && screen.cursorRow == 7 && screen.cursorColumn == 6
        }
        try terminal.send("\u{03}")
        try terminal.waitFor("interrupted")
        try terminal.waitFor(DemoSession.prompt)
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func colouredPromptKeepsTheCursorWhereTheTextIs() throws {
        let terminal = try DemoSession.start(color: true)
        try terminal.send("Есимов\u{1b}[D\u{1b}[DX")
        try terminal.waitForScreen("X inserted two characters from the end, the cursor after it") { screen in
            screen.lines[0] == "demo> ЕсимXов" && screen.cursorColumn == "demo> ЕсимX".count
        }
        try terminal.enter("", expecting: "ЕсимXов")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func backspaceOverKazakhLettersErasesWholeCharacters() throws {
        let terminal = try DemoSession.start()
        try terminal.send("Қазақстан\u{7f}\u{7f}\u{7f}")
        try terminal.waitForScreen("three letters erased") { screen in
            screen.lines[0] == "demo> Қазақс" && screen.cursorColumn == "demo> Қазақс".count
        }
        try terminal.enter("", expecting: "Қазақс")
        #expect(try terminal.quit() == .exited(0))
    }
}
