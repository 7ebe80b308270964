import CasefileTestSupport
import Foundation
import Testing

/// Ctrl-R on a pseudo-terminal: the search is casefile's own, so Cyrillic and Kazakh
/// letters refine the pattern instead of ending the search and landing in the line.
@Suite("Ctrl-R history search", .serialized)
struct IncrementalSearchTests {
    @Test func cyrillicPatternFindsTheLine() throws {
        let terminal = try DemoSession.start()
        try terminal.enter("show Есимов", expecting: "show Есимов")
        try terminal.enter("help me", expecting: "help me")
        try terminal.send("\u{12}Есим")
        try terminal.waitForScreen("(reverse-i-search)`Есим': show Есимов")
        try terminal.enter("", expecting: "show Есимов")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func kazakhLettersAndCaseDoNotMatter() throws {
        let terminal = try DemoSession.start()
        try terminal.enter("search Қазақстан lang:kk", expecting: "search Қазақстан lang:kk")
        try terminal.enter("show aitelenov", expecting: "show aitelenov")
        try terminal.enter("\u{12}қазақ", expecting: "search Қазақстан lang:kk")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func ctrlRAgainFindsAnOlderMatchAndBackspaceShortens() throws {
        let terminal = try DemoSession.start()
        try terminal.enter("annotate esimov Первое", expecting: "annotate esimov Первое")
        try terminal.enter("annotate esimov Второе", expecting: "annotate esimov Второе")
        try terminal.enter("show esimov", expecting: "show esimov")
        // `annotate esimov В` first finds the newest, ^R the older one.
        try terminal.send("\u{12}esimov П")
        try terminal.waitForScreen("`esimov П': annotate esimov Первое")
        try terminal.send("\u{7f}\u{7f}")
        try terminal.waitForScreen("`esimov': show esimov")
        try terminal.send("\u{12}")
        try terminal.waitForScreen("`esimov': annotate esimov Второе")
        try terminal.enter("", expecting: "annotate esimov Второе")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func aMissIsSaidAndCtrlGGivesTheLineBack() throws {
        let terminal = try DemoSession.start()
        try terminal.enter("show Есимов", expecting: "show Есимов")
        try terminal.send("list ")
        try terminal.waitFor("list ")
        try terminal.send("\u{12}Жұм")
        try terminal.waitForScreen("(failed reverse-i-search)`Жұм': list")
        try terminal.send("\u{07}")
        try terminal.waitForScreen(DemoSession.prompt + "list")
        try terminal.enter("post", expecting: "list post")
        #expect(try terminal.quit() == .exited(0))
    }

    @Test func anotherKeyKeepsTheMatchAndActs() throws {
        let terminal = try DemoSession.start()
        try terminal.enter("show Есимов", expecting: "show Есимов")
        // Ctrl-E ends the search on the match and moves to its end; typing goes on there.
        try terminal.send("\u{12}Есим\u{05}")
        try terminal.waitForScreen(DemoSession.prompt + "show Есимов")
        try terminal.enter(" --all", expecting: "show Есимов --all")
        #expect(try terminal.quit() == .exited(0))
    }
}
