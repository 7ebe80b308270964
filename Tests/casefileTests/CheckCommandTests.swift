import CasefileCore
import CasefileTestSupport
import Testing

/// `casefile check FILE...` as a user runs it: diagnostics on stderr, exit 1 on any error.
@Suite("casefile check")
struct CheckCommandTests {
    static let valid = """
        %rec: Casefile

        Format: 1
        Title: Test

        %rec: Person

        Id: ait
        Name: Nurali Aitelenov

        %rec: Post

        Id: p1
        Author: ait
        Lang: ru
        Text: Завтра

        """

    @Test("a valid file: exit 0, a one-line summary on stdout, nothing on stderr")
    func valid() throws {
        let folder = try TemporaryFolder()
        try folder.write("ok.rec", Self.valid)
        let run = try CasefileBinary.run(["check", "ok.rec"], directory: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout == "ok.rec: ok, 2 entries, links and notes\n")
        #expect(run.stderr == "")
    }

    @Test("a syntax error: FILE:LINE:COL: error: message, the line with a caret, a hint, a count, exit 1")
    func syntaxError() throws {
        let folder = try TemporaryFolder()
        try folder.write("bad.rec", Self.valid.replacingOccurrences(of: "Name: Nurali", with: "Na me: Nurali"))
        let run = try CasefileBinary.run(["check", "bad.rec"], directory: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == """
            bad.rec:9:3: error: malformed field name: expected ':' after 'Na'
             9 | Na me: Nurali Aitelenov
               |   ^
              hint: field names use ASCII letters, digits and '_', then ':'
            bad.rec: 1 problem

            """)
    }

    @Test("integrity problems are listed in file order with their places, exit 1")
    func integrity() throws {
        let folder = try TemporaryFolder()
        let text = Self.valid.replacingOccurrences(of: "Author: ait", with: "Author: nobody")
            .replacingOccurrences(of: "Lang: ru", with: "Lang: ru_RU")
        try folder.write("refs.rec", text)
        let run = try CasefileBinary.run(["check", "refs.rec"], directory: folder.path)
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").filter { !$0.hasPrefix("  hint:") }
        #expect(lines == [
            "refs.rec:14:9: error: Author 'nobody' is not the Id of any entry",
            " 14 | Author: nobody",
            "    |         ^",
            "refs.rec:15:7: error: Lang 'ru_RU' is not a BCP 47 language tag",
            " 15 | Lang: ru_RU",
            "    |       ^",
            "refs.rec: 2 problems",
        ])
    }

    @Test("several files: each is checked; one bad file makes the exit status 1")
    func severalFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("a.rec", Self.valid)
        try folder.write("b.rec", "%rec: Person\n\nId x\n")
        try folder.write("c.rec", Self.valid)
        let run = try CasefileBinary.run(["check", "a.rec", "b.rec", "c.rec"], directory: folder.path)
        #expect(run.status == 1)
        #expect(run.stdout == "a.rec: ok, 2 entries, links and notes\nc.rec: ok, 2 entries, links and notes\n")
        #expect(run.stderr.hasPrefix("b.rec:3:3: error: malformed field name: expected ':' after 'Id'"))
    }

    @Test("a missing file: 'casefile: cannot read FILE: reason', exit 2; a folder too")
    func missing() throws {
        let folder = try TemporaryFolder()
        let run = try CasefileBinary.run(["check", "missing.rec"], directory: folder.path)
        #expect(run.status == 2)
        #expect(run.stderr == "casefile: cannot read missing.rec: No such file or directory\n")
        let dir = try CasefileBinary.run(["check", "."], directory: folder.path)
        #expect(dir.status == 2)
        #expect(dir.stderr == "casefile: . is a folder, not a case file\n")
    }

    @Test("control characters from the file are shown visibly, never sent to the terminal")
    func controlCharacters() throws {
        let folder = try TemporaryFolder()
        try folder.write("esc.rec", Self.valid.replacingOccurrences(of: "Author: ait", with: "Author: \u{1B}[2J\u{1B}]0;pwned\u{07}"))
        let run = try CasefileBinary.run(["check", "esc.rec"], directory: folder.path)
        #expect(run.status == 1)
        #expect(!run.stderr.contains("\u{1B}"))
        #expect(!run.stderr.contains("\u{07}"))
        #expect(run.stderr.contains("Author '^[[2J^[]0;pwned^G' is not the Id of any entry"))
    }

    @Test("a file from a newer casefile: the message says to upgrade, exit 1")
    func newerFormat() throws {
        let folder = try TemporaryFolder()
        try folder.write("new.rec", Self.valid.replacingOccurrences(of: "Format: 1", with: "Format: 2"))
        let run = try CasefileBinary.run(["check", "new.rec"], directory: folder.path)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("new.rec:3:9: error: written by a newer casefile (format 2)"))
        #expect(run.stderr.contains("hint: upgrade casefile to read it"))
    }
}
