import CasefileCore
import CasefileTestSupport
import Testing

@Suite("Errors common to every command")
struct CommandErrorTests {
    @Test("unknown commands and kinds get a did-you-mean, or the way to the list")
    func unknownCommands() {
        assertTranscript("""
            > shwo aitelenov
            error: unknown command 'shwo'
             1 | shwo aitelenov
               | ^^^^
              hint: did you mean 'show'?
            > frobnicate x
            error: unknown command 'frobnicate'
             1 | frobnicate x
               | ^^^^^^^^^^
              hint: type 'help' for the list
            > a
            error: unknown command 'a'
             1 | a
               | ^
              hint: did you mean 'add' or 'annotate' or 'attach'?
            > add persn "X"
            error: add has no kind 'persn'
             1 | add persn "X"
               |     ^^^^^
              hint: did you mean 'person'?
            > add
            error: add needs a kind
             1 | add
               | ^^^
              hint: add person|post|quote|source
            > "show" x
            error: unknown command 'show'
             1 | "show" x
               | ^^^^^^
              hint: did you mean 'show'?
            """)
    }

    @Test("an unterminated quote or here-document typed in the shell is reported where it opens")
    func unterminatedInteractive() {
        let session = TranscriptSession()
        let quote = session.notebook.runInteractive("add person \"Nurali")
        #expect(quote == ["error: unterminated double quote\n 1 | add person \"Nurali\n   |            ^\n  hint: close it with \""])
        let heredoc = session.notebook.runInteractive("add post @x 2014-02-04 <<END\nЗавтра\n")
        #expect(heredoc == ["""
            error: here-document <<END is not closed
             1 | add post @x 2014-02-04 <<END
               |                        ^^^^^
              hint: end it with a line holding only END
            """])
        #expect(session.notebook.caseFile.entries.isEmpty)
    }

    @Test("in a script the same errors carry the script's name, line and column, after the commands before them ran")
    func unterminatedInScript() {
        let session = TranscriptSession()
        let report = session.notebook.runScript("add person \"A B\"\n\nadd post b 2014-02-04 <<END\nnever closed\n", name: "s.cf")
        #expect(report.succeeded == 1)
        #expect(report.errors == ["""
            s.cf:3:23: error: here-document <<END is not closed
             3 | add post b 2014-02-04 <<END
               |                       ^^^^^
              hint: end it with a line holding only END
            """])
    }

    @Test("--keep-going reports each error of a script, in order, and runs the rest")
    func keepGoing() {
        let session = TranscriptSession()
        let report = session.notebook.runScript("show x\nadd person \"A B\"\ntag b\ntag b t\n", name: "k.cf",
                                                options: ScriptOptions(keepGoing: true))
        #expect(report.succeeded == 2)
        #expect(report.errors.map { $0.split(separator: "\n").first.map(String.init) ?? "" } == [
            "k.cf:1:6: error: no entry 'x'", "k.cf:3:6: error: tag needs TAG",
        ])
        #expect(session.notebook.caseFile["b"]?.tags == ["t"])
    }

    @Test("a failed command changes nothing and is neither logged nor an undo step")
    func failedCommandLeavesNoTrace() {
        let session = Fixture.session()
        let before = session.bytes
        let log = session.notebook.sessionLog
        for line in ["rm aitelenov", "merge aitelenov esimov-x", "set aitelenov role=x source=nothing", "tag nobody x",
                     "link aitelenov mentions nobody", "translate extremkz-2014-02-04 ru \"x\"", "rename aitelenov kibraev"] {
            #expect(!session.notebook.runInteractive(line).isEmpty, "\(line)")
        }
        _ = session.output.take()
        #expect(session.bytes == before)
        #expect(session.notebook.sessionLog == log)
    }
}
