import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// A 100k-line here-document and a 10 MB field go through every step whole. How the
/// time grows is measured by hostile-bench (no timing here): both were quadratic in
/// places before (showing a long word, the shell gathering a paste), and would not finish.
@Suite struct LargeInputTests {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("big.rec")
    }

    func notebook() throws -> (Notebook, BufferOutput) {
        let output = BufferOutput(width: 100)
        let notebook = Notebook(output: output, settings: Settings(userName: "tester", fixedTime: 1_764_072_000))
        try notebook.open(path: path)
        return (notebook, output)
    }

    func run(_ notebook: Notebook, _ script: String) throws {
        let report = notebook.runScript(script, name: "big")
        try #require(report.errors.isEmpty, "\(report.errors.first?.prefix(500) ?? "")")
    }

    @Test func aHereDocumentOfAHundredThousandLines() throws {
        let lines = (0..<100_000).map { "Строка \($0): #tag \"quoted\" \\ and <<END-like text" }
        let body = lines.joined(separator: "\n")
        let (notebook, output) = try notebook()
        try run(notebook, "add person \"Big Text\" id=big\nadd post big 2014-02-04 id=big-post <<END\n\(body)\nEND")
        #expect(notebook.caseFile["big-post"]?.values("Text") == [body])
        output.reset()
        try run(notebook, "show big-post")
        #expect(output.text.split(separator: "\n").count > 100_000)
        #expect(output.text.contains("Строка 99999: #tag"))
        try run(notebook, "save")
        let loaded = try CaseReader.load(path: path, validate: true)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.caseFile["big-post"]?.values("Text") == [body])
        // The session log keeps the command, here-document and all, and it replays.
        let replayed = Notebook(output: BufferOutput(), settings: Settings(userName: "tester", fixedTime: 1_764_072_000))
        replayed.journaling = false
        let commands = loaded.caseFile.sessions.last?.fields.filter { $0.name == "Command" }.map(\.value) ?? []
        #expect(commands.count == 2)
        for command in commands { try run(replayed, command) }
        #expect(replayed.caseFile["big-post"]?.values("Text") == [body])
    }

    @Test(arguments: [true, false])
    func aTenMegabyteField(withSpaces: Bool) throws {
        let unit = withSpaces ? "Завтра у Есимова на ланче " : "Завтра_у_Есимова_на_ланче_"
        let value = String(repeating: unit, count: 10_000_000 / unit.utf8.count)
        let (notebook, output) = try notebook()
        try run(notebook, "add person \"Big Text\" id=big\nadd post big 2014-02-04 id=big-post \"\(value)\"")
        #expect(notebook.caseFile["big-post"]?.values("Text") == [value])
        output.reset()
        try run(notebook, "show big-post\nlist post")
        let shown = output.text.split(separator: "\n")
        #expect(shown.count > 10_000_000 / 2 / 100)  // wrapped to the width
        #expect(shown.allSatisfy { TextWidth.of(String($0)) <= 100 })
        try run(notebook, "save")
        let loaded = try CaseReader.load(path: path, validate: true)
        #expect(loaded.caseFile["big-post"]?.values("Text") == [value])
        let pending = PendingJournal.find(for: path)
        #expect(pending == nil)
    }

    @Test func aReaderGatheringLinesLearnsWhatEndsAnOpenCommand() {
        #expect(Lexer.lex("add post x 2014-01-01 <<END\nline").awaiting == .tagLine("END"))
        #expect(Lexer.lex("add post x 2014-01-01 <<'EOT'\n").awaiting == .tagLine("EOT"))
        #expect(Lexer.lex("add post x 2014-01-01 \"open\nline").awaiting == .quote("\""))
        #expect(Lexer.lex("add post x 2014-01-01 'open").awaiting == .quote("'"))
        #expect(Lexer.lex("tag a \\").isIncomplete)
        #expect(Lexer.lex("tag a \\").awaiting == nil)
        #expect(Lexer.lex("add post x 2014-01-01 <<END\nline\nEND").awaiting == nil)
        let tag = Awaited.tagLine("END")
        #expect(tag.mayEnd("END") && tag.mayEnd("  END\t") && tag.mayEnd("END\r"))
        #expect(!tag.mayEnd("the END") && !tag.mayEnd("ENDS") && !tag.mayEnd(""))
        #expect(Awaited.quote("\"").mayEnd("ends here\" too") && !Awaited.quote("\"").mayEnd("no 'quote'"))
        // Whatever mayEnd rules out, lexing indeed leaves incomplete.
        for line in ["the END", "ENDS", "x END y", "END x"] {
            #expect(Lexer.lex("add post x 2014-01-01 <<END\n\(line)").isIncomplete)
        }
    }
}
