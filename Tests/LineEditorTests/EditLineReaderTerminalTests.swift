import CasefileTestSupport
import Foundation
import Testing

/// The terminal line editor end to end: `lineeditor-demo` on a real pseudo-terminal.
/// Every step waits for the prompt before typing.
@Suite("EditLineReader on a pseudo-terminal", .serialized)
struct EditLineReaderTerminalTests {
    @Test func typedLineIsReturned() throws {
        let terminal = try DemoSession.start()
        try terminal.enter("show esimov", expecting: "show esimov")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func uniqueCandidateReplacesWordAndAddsSpace() throws {
        let terminal = try DemoSession.start()
        // `sh` → `show `; `ait` → `aitelenov `; the line comes back with the trailing space.
        try terminal.enter("sh\tait\t", expecting: "show aitelenov ")
        // A Cyrillic prefix offered a Latin Id by the completer replaces the whole word.
        try terminal.enter("show Айт\t", expecting: "show aitelenov ")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func severalCyrillicCandidatesAreListedAndTheirCommonPrefixInserted() throws {
        let terminal = try DemoSession.start()
        try terminal.send("show Е\t")
        let listing = try terminal.waitFor("Есимов  Есенов")
        #expect(!listing.contains("esimov"))
        // The line is redrawn under the list with `Ес` inserted, not half a character.
        try terminal.waitFor(DemoSession.prompt + "show Ес")
        let echo = try terminal.enter("", expecting: "show Ес")
        #expect(!terminal.plainOutput.contains("\u{FFFD}"))
        #expect(!echo.contains("Есимов"))
        // Completing on from the common prefix narrows to one candidate.
        try terminal.enter("show Еси\t", expecting: "show Есимов ")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func upRecallsTheLastLineAndSearchesByPrefix() throws {
        let terminal = try DemoSession.start()
        try terminal.enter("help me", expecting: "help me")
        try terminal.enter("search esimov", expecting: "search esimov")
        try terminal.enter("\u{1b}[A", expecting: "search esimov")
        // With text before the cursor, Up finds the last line starting with it.
        try terminal.enter("he\u{1b}[A", expecting: "help me")
        // ESC-p does the same, with Cyrillic too.
        try terminal.enter("show Қазақстан", expecting: "show Қазақстан")
        try terminal.enter("help again", expecting: "help again")
        try terminal.enter("show Қ\u{1b}p", expecting: "show Қазақстан")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func ctrlRSearchesHistoryIncrementally() throws {
        let terminal = try DemoSession.start()
        try terminal.enter("search esimov", expecting: "search esimov")
        try terminal.enter("help me", expecting: "help me")
        try terminal.enter("\u{12}sear", expecting: "search esimov")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func ctrlCDiscardsTheLineAndKeepsRunning() throws {
        let terminal = try DemoSession.start()
        try terminal.send("show esi")
        try terminal.waitFor("show esi")
        try terminal.send("\u{03}")
        let cancelled = try terminal.waitFor("interrupted\n")
        #expect(!cancelled.contains("got:"))
        try terminal.waitFor(DemoSession.prompt)
        try terminal.enter("help", expecting: "help")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func ctrlCWhileACommandRunsSetsTheFlagOnly() throws {
        let terminal = try DemoSession.start()
        try terminal.send("busy\r")
        try terminal.waitFor("busy: started")
        try terminal.send("\u{03}")
        try terminal.waitFor("busy: stopped")
        try terminal.waitFor(DemoSession.prompt)
        try terminal.enter("help", expecting: "help")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func ctrlDOnlyEndsInputOnAnEmptyLine() throws {
        let terminal = try DemoSession.start()
        // At the end of a non-empty line Ctrl-D does not quit; in the middle it deletes.
        try terminal.enter("abc\u{04}\u{1b}[D\u{1b}[D\u{04}", expecting: "ac")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func cyrillicAndKazakhEditByCharacters() throws {
        let terminal = try DemoSession.start()
        try terminal.enter("Қазақстан\u{7f}\u{7f}\u{7f}", expecting: "Қазақс")
        // Left three characters, insert one: the cursor moved by characters, not bytes.
        try terminal.enter("Есмов\u{1b}[D\u{1b}[D\u{1b}[Dи", expecting: "Есимов")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func historyIsWrittenAfterEachLineAndReloaded() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("state/casefile/history")
        let first = try DemoSession.start(history: path)
        try first.enter("first line", expecting: "first line")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("first\\040line"))
        try first.enter("second Есимов  ", expecting: "second Есимов  ")
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.hasSuffix("second\\040Есимов\n"))  // trailing spaces trimmed
        try first.enter("second Есимов", expecting: "second Есимов")  // a consecutive duplicate
        first.signal(SIGKILL)  // a crash: nothing more gets saved
        _ = try first.waitForExit()

        let second = try DemoSession.start(history: path)
        try second.enter("\u{1b}[A", expecting: "second Есимов")
        try second.enter("\u{1b}[A\u{1b}[A", expecting: "first line")
        #expect(try second.quit() == .exited(0))
    }

    @Test func continuationPromptIsShownWhenTheCallerAsks() throws {
        let terminal = try DemoSession.start()
        try terminal.send("add post \\\r")
        try terminal.waitFor("got: add post \\\n")
        try terminal.waitFor("...> ")
        try terminal.enter("text", expecting: "text")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func colouredPromptIsBracketedAndLinesStillEdit() throws {
        let terminal = try DemoSession.start(color: true)
        try terminal.enter("Есимов\u{7f}", expecting: "Есимо")
        #expect(terminal.output.contains("\u{1b}[1;34mdemo\u{1b}[0m> "))
        #expect(!terminal.output.contains("\u{01}"))
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func viModeEditsWithViKeys() throws {
        let terminal = try DemoSession.start(mode: "vi")
        try terminal.send("show esimov")
        try terminal.waitFor("show esimov")
        // ESC to command mode, `0` to the start, `dw` deletes the first word.
        try terminal.enter("\u{1b}0dw", expecting: "esimov")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func sigtermAtThePromptRunsTheHooksAndExits() throws {
        let terminal = try DemoSession.start()
        try terminal.send("half a li")
        try terminal.waitFor("half a li")
        terminal.signal(SIGTERM)
        let said = try terminal.waitFor("terminated")
        #expect(!said.contains("got:"))
        #expect(try terminal.waitForExit() == .exited(128 + SIGTERM))
    }

    @Test func aClosedTerminalRunsTheHooksAndExits() throws {
        let folder = try TemporaryFolder()
        let marker = folder.file("hook")
        let terminal = try DemoSession.start(extra: ["LINEEDITOR_DEMO_HOOK_FILE": marker])
        try terminal.send("half a li")
        try terminal.waitFor("half a li")
        terminal.hangUp()
        #expect(try terminal.waitForExit() == .exited(128 + SIGHUP))
        #expect(try String(contentsOfFile: marker, encoding: .utf8) == "\(SIGHUP)\n")
    }

    @Test func sigtermDuringACommandWaitsForTheNextSafePoint() throws {
        let folder = try TemporaryFolder()
        let marker = folder.file("hook")
        let terminal = try DemoSession.start(extra: ["LINEEDITOR_DEMO_HOOK_FILE": marker])
        try terminal.send("busy\r")
        try terminal.waitFor("busy: started")
        terminal.signal(SIGTERM)
        // The command stops (the flag is set), the hooks run, the demo exits.
        try terminal.waitFor("busy: stopped")
        try terminal.waitFor("terminated")
        #expect(try terminal.waitForExit() == .exited(128 + SIGTERM))
        #expect(FileManager.default.fileExists(atPath: marker))
    }

    @Test func aCommandThatNeverReachesASafePointIsEndedByTheWatchdog() throws {
        let folder = try TemporaryFolder()
        let marker = folder.file("hook")
        let terminal = try DemoSession.start(
            extra: ["LINEEDITOR_DEMO_HOOK_FILE": marker, "LINEEDITOR_DEMO_GRACE": "0.2"])
        try terminal.send("stuck\r")
        try terminal.waitFor("stuck: started")
        terminal.signal(SIGTERM)
        #expect(try terminal.waitForExit() == .exited(128 + SIGTERM))
        #expect(!terminal.plainOutput.contains("stuck: done"))
        #expect(!FileManager.default.fileExists(atPath: marker))  // no hooks off the main thread
    }
}
