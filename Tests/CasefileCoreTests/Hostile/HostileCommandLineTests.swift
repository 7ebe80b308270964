import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The same through the real `casefile` binary: every subcommand's output and errors, the
/// shell's greeting, prompt and questions, with the payload in file names too.
@Suite struct HostileCommandLineTests {
    let folder: TemporaryFolder
    let path: String
    /// A file name holding the payload.
    let evilName = "evil\(HostileText.clearScreen)\(HostileText.bidi).rec"

    init() throws {
        folder = try TemporaryFolder()
        path = try folder.write("hostile.rec", HostileText.caseText)
    }

    func casefile(_ arguments: [String], stdin: String = "") throws -> String {
        let result = try CasefileBinary.run(arguments, environment: ["SOURCE_DATE_EPOCH": "1764072000"], stdin: stdin,
                                            directory: folder.path)
        return result.stdout + result.stderr
    }

    @Test func subcommandsEscapeWhatTheyShow() throws {
        let changed = folder.file("changed.rec")
        try FileManager.default.copyItem(atPath: path, toPath: changed)
        _ = try casefile(["run", changed, "-"], stdin: "set mallory Name=\"Changed \(HostileText.payload)\"\n")
        let runs: [[String]] = [
            ["check", path], ["log", path], ["log", "--format", "json", path], ["fmt", "--check", path],
            ["diff", path, changed], ["diff", "--stat", path, changed], ["diff", "--format", "json", path, changed],
            ["diff", "--textconv", path],
            ["check", evilName], ["log", evilName], ["diff", path, evilName], ["fmt", evilName],
            ["run", evilName, "-"], ["run", path, evilName], ["\(HostileText.payload)"], ["--\(HostileText.payload)"],
            ["check", "--\(HostileText.payload)"],
            ["search", path, "mallory"], ["search", path, "post"], ["search", path, "mal\(HostileText.payload)"],
            ["search", path, "(\(HostileText.payload)"], ["search", path, "date:\(HostileText.payload)"],
            ["search", evilName, "x"],
        ]
        for arguments in runs {
            let text = try casefile(arguments, stdin: "show nobody\(HostileText.payload)\n")
            HostileText.expectSafe(text, "casefile \(arguments.joined(separator: " ").debugDescription)")
        }
        #expect(try casefile(["check", path]).contains(HostileText.shown))
        #expect(try casefile(["diff", path, changed]).contains("Changed " + HostileText.shown))
        #expect(try casefile(["diff", "--format", "json", path, changed]).contains("\\u202e"))
    }

    @Test func scriptErrorsEscapeTheLineTheCaretAndTheMessage() throws {
        let script = folder.file("evil\(HostileText.clearScreen).cf")
        try """
            tag mallory ok
            show "nobody\(HostileText.payload)"
            link mallory "rel\(HostileText.payload)" mallory
            add person "unterminated \(HostileText.payload)
            """.write(toFile: script, atomically: false, encoding: .utf8)
        let text = try casefile(["run", "--keep-going", path, script])
        HostileText.expectSafe(text, "casefile run --keep-going")
        #expect(text.contains("evil^[[2J^[[H.cf:2:6: error"))
        #expect(text.contains("nobody" + HostileText.shown))
    }

    @Test func theShellEscapesItsGreetingPromptAndQuestions() throws {
        let evil = folder.file(evilName)
        try FileManager.default.copyItem(atPath: path, toPath: evil)
        let environment = ["LANG": "C.UTF-8", "TERM": "xterm", "HOME": folder.path, "PATH": "/usr/bin:/bin",
                           "NO_COLOR": "1", "CASEFILE_NO_CONFIG": "1", "CASEFILE_USER": "tester",
                           "XDG_STATE_HOME": folder.file("state")]
        let terminal = try PseudoTerminal(executable: try BuiltProducts.path(of: "casefile"), arguments: ["--no-pager", evil],
                                          environment: environment, columns: 200, rows: 50)
        let prompt = "evil^[[2J^[[H<U+202E>gnp.exe 3> "
        let greeting = try terminal.waitFor(prompt)
        #expect(greeting.contains("Title " + HostileText.shown))
        #expect(greeting.contains("warning: "))  // the bad date and language, escaped
        // Escape bytes typed at libedit are editing keys, not text: the hostile text comes
        // from a script, as it would from a file someone sent.
        try folder.write("t.cf", "tag mallory \"t\(HostileText.payload)\"\nshow mallory\n")
        try folder.write("e.cf", "show \"nobody\(HostileText.payload)\"\n")
        try terminal.send("source \(folder.file("t.cf"))\r")
        let sourced = try terminal.waitFor("evil^[[2J^[[H<U+202E>gnp.exe* 3> ")
        #expect(sourced.contains("t" + HostileText.shown))
        try terminal.send("source \(folder.file("e.cf"))\r")
        let failed = try terminal.waitFor("evil^[[2J^[[H<U+202E>gnp.exe* 3> ")
        #expect(failed.contains("no entry 'nobody" + HostileText.shown))
        try terminal.send("\u{04}")
        try terminal.waitFor("[s]ave, [d]iscard, or [c]ancel? ")
        #expect(terminal.plainOutput.contains("in evil^[[2J^[[H<U+202E>gnp.exe."))
        try terminal.send("d\r")
        _ = try terminal.waitForExit()
        // What the terminal received: no escape sequence from the case, file name or input
        // echo, only the shell's own (none here: NO_COLOR).
        let raw = terminal.output
        #expect(!raw.contains("\u{1b}[2J"))
        #expect(!raw.contains("\u{1b}]52"))
        #expect(!raw.contains("\u{202e}"))
        #expect(!raw.contains("\u{9b}"))
    }
}
