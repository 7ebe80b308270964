import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// Control characters and escape sequences from a case file or a script reach no output
/// of the notebook unescaped: cards, lists, logs, diffs, errors with carets, warnings.
@Suite struct HostileOutputTests {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = try folder.write("hostile.rec", HostileText.caseText)
    }

    /// Opens the hostile case; returns the notebook, its output, and the warnings of the open.
    func open() throws -> (Notebook, BufferOutput, [Diagnostic]) {
        let output = BufferOutput(width: 100)
        let notebook = Notebook(output: output, settings: Settings(userName: "tester", fixedTime: 1_764_072_000))
        let warnings = try notebook.open(path: path)
        return (notebook, output, warnings)
    }

    /// Runs `script`; returns everything written (output, diagnostics and rendered errors).
    func everything(_ notebook: Notebook, _ output: BufferOutput, _ script: String) -> String {
        output.reset()
        let report = notebook.runScript(script, name: "script", options: ScriptOptions(keepGoing: true))
        return output.text + output.diagnostics + report.errors.joined(separator: "\n")
    }

    @Test func openWarningsEscapeTheValuesTheyQuote() throws {
        let (_, _, warnings) = try open()
        #expect(warnings.count == 2)  // the date and the language
        for warning in warnings {
            // Rendered as the shell and `casefile run` show them.
            HostileText.expectSafe(Terminal.visible("warning: " + warning.description), "an open warning")
            #expect(Terminal.visible(warning.description).contains(HostileText.shown))
        }
    }

    @Test(arguments: [
        "show mallory", "show mallory-2014-02-04", "show \"mal\(HostileText.payload)\"", "show @mal\(HostileText.payload)",
        "list", "list person", "list post", "list tag=tag\(HostileText.payload)", "untranslated", "untranslated en",
        "log", "log -v", "history", "help", "help show",
        "search mallory", "search post second", "search note", "search knows", "search \"mal\(HostileText.payload)\"",
        "search x\(HostileText.clearScreen)", "search tag:tag\(HostileText.payload)", "search Mallory -kind:post",
    ])
    func viewingCommands(_ command: String) throws {
        let (notebook, output, _) = try open()
        let text = everything(notebook, output, command)
        HostileText.expectSafe(text, command)
        #expect(!text.isEmpty)
    }

    @Test func cardsAndListsShowThePayloadEscaped() throws {
        let (notebook, output, _) = try open()
        let card = everything(notebook, output, "show mallory")
        #expect(card.contains("Mallory " + HostileText.shown))
        #expect(card.contains("alias " + HostileText.shown))
        #expect(card.contains("note " + HostileText.shown))
        let post = everything(notebook, output, "show mallory-2014-02-04")
        #expect(post.contains("post " + HostileText.shown))
        #expect(post.contains("second " + HostileText.shown))
        let found = everything(notebook, output, "search mallory")
        #expect(found.contains(HostileText.shown))
        let list = everything(notebook, output, "list")
        #expect(list.contains("mal" + HostileText.shown) || list.contains("mal^[[2J"))
    }

    @Test(arguments: [
        "show \"nobody\(HostileText.payload)\"",
        "tag \"nobody\(HostileText.payload)\" t",
        "link mallory \"bad rel\(HostileText.payload)\" mallory",
        "add post mallory \"2014-13-45\(HostileText.payload)\" text",
        "add person \"P\" lang=\"\(HostileText.payload)\"",
        "\(HostileText.payload)command",
        "show mallory \"extra\(HostileText.payload)\"",
        "help \"\(HostileText.payload)\"",
        "search (unbalanced\(HostileText.payload)",
        "search date:\(HostileText.payload)",
        "search kind:\(HostileText.payload)",
        "add person \"unterminated \(HostileText.payload)",
        "add post mallory 2014-02-04 <<END\nbody \(HostileText.payload)\n",
        "source \"/nonexistent/\(HostileText.payload).cf\"",
        "save --as \"/nonexistent/\(HostileText.payload).rec\"",
    ])
    func errorsWithCarets(_ script: String) throws {
        let (notebook, output, _) = try open()
        let text = everything(notebook, output, script)
        #expect(text.contains("error"), "no error for \(script.debugDescription): \(text)")
        HostileText.expectSafe(text, script.debugDescription)
        // The interactive rendering (no file name) too.
        HostileText.expectSafe(notebook.runInteractive(script).joined(separator: "\n"), "shell: " + script.debugDescription)
    }

    @Test func aScriptNamedWithControlCharactersIsNamedEscaped() throws {
        let (notebook, _, _) = try open()
        let report = notebook.runScript("show nobody", name: "evil\(HostileText.clearScreen).cf")
        let error = try #require(report.errors.first)
        HostileText.expectSafe(error, "the script name in an error")
        #expect(error.hasPrefix("evil^[[2J^[[H.cf:1:6: error"))
    }

    @Test func unsavedChangesDiffAndLogEscapeThePayload() throws {
        let (notebook, output, _) = try open()
        let changed = everything(notebook, output, """
            set mallory Name="Changed \(HostileText.payload)"
            annotate mallory "more \(HostileText.payload)"
            tag mallory "t\(HostileText.payload)"
            link mallory "mentions" mallory-2014-02-04 note="n\(HostileText.payload)"
            """)
        HostileText.expectSafe(changed, "the changes' confirmations")
        for command in ["diff", "diff --stat", "log", "history", "show mallory"] {
            let text = everything(notebook, output, command)
            HostileText.expectSafe(text, command + " after changes")
        }
        #expect(everything(notebook, output, "diff").contains(HostileText.shown))
    }

    @Test func recoverShowEscapesJournaledCommands() throws {
        let (first, _, _) = try open()
        _ = first.runScript("tag mallory \"t\(HostileText.payload)\"", name: "test")
        let (second, output, _) = try open()
        let text = everything(second, output, "recover --show")
        HostileText.expectSafe(text, "recover --show")
        #expect(text.contains("t" + HostileText.shown))
    }
}
