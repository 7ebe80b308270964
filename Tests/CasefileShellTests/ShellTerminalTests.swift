import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// The shell end to end through a real pseudo-terminal: each step waits for the prompt
/// before typing.
@Suite(.serialized) struct ShellTerminalTests {
    @Test func completesACommandName() throws {
        let shell = try ShellSession()
        try shell.terminal.send("sho\t")
        try shell.terminal.waitFor("show ")
        let output = try shell.enter("aitelenov", until: "kb 31> ")
        #expect(output.contains("person aitelenov — Nurali Aitelenov"))
    }

    @Test func completesAnIdFromACyrillicPrefix() throws {
        let shell = try ShellSession()
        try shell.terminal.send("show Айт\t")
        try shell.terminal.waitFor("aitelenov ")
        let output = try shell.enter("", until: "kb 31> ")
        #expect(output.contains("Handle    @extremkz"))
    }

    @Test func completesARelation() throws {
        let shell = try ShellSession()
        try shell.terminal.send("link samson crit\t")
        try shell.terminal.waitFor("criticizes ")
        let output = try shell.enter("esimov", until: "kb* 31> ")
        #expect(output.contains("linked samson criticizes esimov"))
    }

    @Test func upRecallsTheLastLine() throws {
        let shell = try ShellSession()
        try shell.enter("tag samson blogger", until: "kb* 31> ")
        try shell.enter("undo", until: "kb 31> ")
        try shell.terminal.send("\u{1b}[A\u{1b}[A")
        try shell.terminal.waitFor("tag samson blogger")
        let output = try shell.enter("", until: "kb* 31> ")
        #expect(output.contains("samson tags: blogger"))
    }

    @Test func ctrlCCancelsTheLineAndKeepsTheShell() throws {
        let shell = try ShellSession()
        try shell.terminal.send("add person \"Half typed")
        try shell.terminal.waitFor("Half typed")
        try shell.terminal.send("\u{03}")
        try shell.terminal.waitFor("kb 31> ")
        let output = try shell.enter("list person", until: "kb 31> ")
        #expect(output.contains("14 entries"))
        #expect(!output.contains("Half typed"))
    }

    @Test func ctrlDWithUnsavedChangesAsks() throws {
        let shell = try ShellSession()
        try shell.enter("tag samson blogger", until: "kb* 31> ")
        try shell.terminal.send("\u{04}")
        try shell.terminal.waitFor("[s]ave, [d]iscard, or [c]ancel? ")
        try shell.terminal.send("c\r")
        try shell.terminal.waitFor("kb* 31> ")
        try shell.terminal.send("\u{04}")
        try shell.terminal.waitFor("[s]ave, [d]iscard, or [c]ancel? ")
        try shell.terminal.send("s\r")
        try shell.terminal.waitFor("saved")
        #expect(try shell.terminal.waitForExit() == .exited(0))
        let saved = try String(contentsOfFile: shell.casePath, encoding: .utf8)
        #expect(saved.contains("Revision: 2"))
        #expect(saved.contains("Command: tag samson blogger"))
    }

    @Test func aHereDocumentOverSeveralLines() throws {
        let shell = try ShellSession()
        try shell.terminal.send("add post samson 2014-02-06 lang=ru <<END\r")
        try shell.terminal.waitFor("…> ")
        try shell.terminal.send("Первая строка\r")
        try shell.terminal.waitFor("…> ")
        try shell.terminal.send("вторая\r")
        try shell.terminal.waitFor("…> ")
        let output = try shell.enter("END", until: "kb* 32> ")
        #expect(output.contains("added post samson-2014-02-06"))
        try shell.enter("save", until: "kb 32> ")
        let saved = try String(contentsOfFile: shell.casePath, encoding: .utf8)
        #expect(saved.contains("Text: Первая строка\n+ вторая\n"))
    }

    @Test func longOutputGoesThroughThePager() throws {
        let shell = try ShellSession(extra: ["PATH": "/usr/bin:/bin", "LESS": "FRX"], pager: true, rows: 12)
        try shell.terminal.send("help\r")
        try shell.terminal.waitFor("Adding entries")
        // less's prompt alone on the last row: the rest of the help waits for a key.
        try shell.terminal.waitForScreen("less's ':' prompt on the last row") { screen in
            screen.lines.last?.trimmingCharacters(in: .whitespaces).hasSuffix(":") == true
        }
        #expect(!shell.terminal.plainOutput.contains("Type help COMMAND"))
        try shell.terminal.send("q")
        try shell.terminal.waitFor("kb 31> ")
        let short = try shell.enter("list source", until: "kb 31> ")
        #expect(short.contains("1 entry"))
    }

    @Test func historyIsWrittenAfterEachLine() throws {
        let shell = try ShellSession()
        try shell.enter("show esimov", until: "kb 31> ")
        let history = try String(contentsOfFile: shell.folder.file("state/casefile/history"), encoding: .utf8)
        #expect(history.contains("show\\040esimov") || history.contains("show esimov"))
    }

    @Test func aSecondShellIsReadOnly() throws {
        let first = try ShellSession()
        let second = try ShellSession(folder: first.folder)
        _ = second
        let output = try second.enter("tag samson x", until: "kb 31> ")
        #expect(output.contains("the case is read-only"))
        try first.enter("tag samson y", until: "kb* 31> ")
    }

    @Test func sigtermKeepsUnsavedWorkInTheJournal() throws {
        let folder = try TemporaryFolder()
        let shell = try ShellSession(folder: folder)
        try shell.enter("tag samson blogger", until: "kb* 31> ")
        let before = try String(contentsOfFile: shell.casePath, encoding: .utf8)
        shell.terminal.signal(SIGTERM)
        _ = try shell.terminal.waitForExit()
        #expect(try String(contentsOfFile: shell.casePath, encoding: .utf8) == before)
        let again = try ShellSession(folder: folder)
        #expect(again.terminal.plainOutput.contains("Type recover to bring it back"))
        let output = try again.enter("recover", until: "kb* 31> ")
        #expect(output.contains("recovered 1 command"))
        let card = try again.enter("show samson", until: "kb* 31> ")
        #expect(card.contains("Tag       blogger"))
    }

    @Test func hostileTextFromTheFileIsShownEscaped() throws {
        let hostile = "\u{1b}[2Jclear \u{1b}]52;c;Zm9v\u{07} \u{202e}evil"
        let text = """
            # casefile format 1
            %rec: Casefile

            Format: 1
            Revision: 1

            %rec: Person
            %key: Id
            %mandatory: Name

            Id: mallory
            Name: \(hostile)
            """
        let shell = try ShellSession(caseText: text, firstPrompt: "kb 1> ")
        let output = try shell.enter("show mallory", until: "kb 1> ")
        #expect(output.contains("^[[2Jclear ^[]52;c;Zm9v^G <U+202E>evil"))
        #expect(!shell.terminal.output.contains("\u{1b}[2J"))
        #expect(!shell.terminal.output.contains("\u{1b}]52"))
        let listing = try shell.enter("list", until: "kb 1> ")
        #expect(listing.contains("mallory  ^[[2Jclear"))
    }
}
