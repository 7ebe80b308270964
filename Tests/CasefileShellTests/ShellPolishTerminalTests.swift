import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// The shell's questions, resizes and who is writing, through a real pseudo-terminal.
@Suite(.serialized) struct ShellPolishTerminalTests {
    /// Lines of plain output (the typed line and the prompt left out).
    static func printed(_ output: String) -> [String] {
        Array(output.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast().map(String.init))
    }

    @Test func theCtrlDQuestionTakesOneKeyAndRemindsOnOthers() throws {
        let shell = try ShellSession()
        try shell.enter("tag samson blogger", until: "kb* 31> ")
        try shell.terminal.send("\u{04}")
        try shell.terminal.waitFor("[s]ave, [d]iscard, or [c]ancel? ")
        try shell.terminal.send("\r")
        try shell.terminal.waitFor("(press s to save and leave, d to leave without saving, c to go back to the case)")
        try shell.terminal.waitFor("[s]ave, [d]iscard, or [c]ancel? ")
        try shell.terminal.send("c")
        try shell.terminal.waitFor("kb* 31> ")
        try shell.terminal.send("\u{04}")
        try shell.terminal.waitFor("[s]ave, [d]iscard, or [c]ancel? ")
        try shell.terminal.send("s")
        try shell.terminal.waitFor("saved")
        #expect(try shell.terminal.waitForExit() == .exited(0))
        #expect(try String(contentsOfFile: shell.casePath, encoding: .utf8).contains("Command: tag samson blogger"))
        let history = try String(contentsOfFile: shell.folder.file("state/casefile/history"), encoding: .utf8)
        let lines = history.split(separator: "\n").map(String.init)
        #expect(!lines.contains("s") && !lines.contains("c"), "\(lines)")
    }

    @Test func aCommandTypedAtTheQuestionGoesToThePrompt() throws {
        let shell = try ShellSession()
        try shell.enter("tag samson blogger", until: "kb* 31> ")
        try shell.terminal.send("\u{04}")
        try shell.terminal.waitFor("[s]ave, [d]iscard, or [c]ancel? ")
        try shell.terminal.send("list person\r")
        try shell.terminal.waitFor("(not an answer: back to the case")
        try shell.terminal.waitFor("14 entries")
        try shell.terminal.waitFor("kb* 31> ")
        // A word starting with an answer's letter, typed at once, is a command too: `diff` does not discard.
        try shell.terminal.send("\u{04}")
        try shell.terminal.waitFor("[s]ave, [d]iscard, or [c]ancel? ")
        try shell.terminal.send("diff\r")
        try shell.terminal.waitFor("(not an answer: back to the case")
        try shell.terminal.waitFor("kb* 31> ")
        let diff = try shell.terminal.waitFor("kb* 31> ")
        #expect(diff.contains("samson"), "\(diff)")
        let card = try shell.enter("show samson", until: "kb* 31> ")
        #expect(card.contains("blogger"))
    }

    @Test func outputFollowsAResize() throws {
        let shell = try ShellSession(columns: 110)
        let wide = Self.printed(try shell.enter("list post", until: "kb 31> "))
        #expect(wide.contains { TextWidth.of($0) > 80 }, "\(wide)")
        #expect(!wide.contains { TextWidth.of($0) > 110 })
        try shell.terminal.resize(columns: 80, rows: 40)
        let narrow = Self.printed(try shell.enter("list post", until: "kb 31> "))
        #expect(!narrow.isEmpty && !narrow.contains { TextWidth.of($0) > 80 }, "\(narrow)")
        let card = Self.printed(try shell.enter("show samson", until: "kb 31> "))
        #expect(!card.contains { TextWidth.of($0) > 80 }, "\(card)")
        try shell.terminal.resize(columns: 110, rows: 40)
        let again = Self.printed(try shell.enter("list post", until: "kb 31> "))
        #expect(again.contains { TextWidth.of($0) > 80 }, "list stayed narrow after 80 → 110: \(again)")
    }

    @Test func withNoUserTheLoginNameFromThePasswordDatabaseIsUsed() throws {
        let login = try #require(Settings.loginName())
        let shell = try ShellSession(removing: ["CASEFILE_USER", "USER", "LOGNAME"])
        try shell.enter("annotate samson \"Seen at the lunch\"", until: "kb* 31> ")
        try shell.enter("save", until: "kb 31> ")
        let saved = try String(contentsOfFile: shell.casePath, encoding: .utf8)
        #expect(saved.contains("By: \(login)\n"))
        #expect(!saved.contains("By: unknown"))
    }

    @Test func theBannerAndAnErrorCaretFitTheScreen() throws {
        let shell = try ShellSession(columns: 100)
        let banner = shell.terminal.plainOutput.split(separator: "\n").map(String.init)
        #expect(banner.contains { $0.hasSuffix("type help for the commands") })
        #expect(!banner.contains { TextWidth.of($0) > 100 })
        let long = #"link samson mentions esimov note="Акция против продажных блоггеров у акимата, о которой писали все казахстанские новостные сайты в тот день" nobody"#
        try shell.terminal.send(long + "\r")
        try shell.terminal.waitFor("hint:")
        let screen = try shell.terminal.waitForScreen("the error under the typed line") { screen in
            screen.lines.contains { $0.contains("^") } && screen.lines.contains { $0.hasPrefix(" 1 | ") }
        }
        let lines = screen.lines
        let source = try #require(lines.first { $0.hasPrefix(" 1 | ") })
        let caret = try #require(lines.first { $0.contains("^") && $0.hasPrefix("   | ") })
        let word = try #require(source.range(of: "nobody"))
        let caretStart = try #require(caret.firstIndex(of: "^"))
        #expect(TextWidth.of(String(source[..<word.lowerBound])) == TextWidth.of(String(caret[..<caretStart])),
                "\(source)\n\(caret)")
    }
}
