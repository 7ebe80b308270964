import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

@Suite("new, open, save, source, quit")
struct FileCommandTests {
    @Test("save writes a revision with a session record; saving again with no change does nothing")
    func save() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let session = TranscriptSession(path: path)
        session.check("""
            > add person "Nurali Aitelenov" handle=@extremkz
            added person aitelenov: Nurali Aitelenov
            > save -m "first"
            saved \(path), revision 1: +1 person
            > save
            nothing to save: no changes since revision 1
            > tag aitelenov detained
            aitelenov tags: detained
            > write --message second
            saved \(path), revision 2: ~1 person
            """)
        let text = try folder.read("case.rec")
        #expect(text.contains("Revision: 2\nSaved: 2025-11-25T12:00:00Z\n"))
        #expect(text.contains("""
            Revision: 1
            Saved: 2025-11-25T12:00:00Z
            By: tester
            Message: first
            Summary: +1 person
            Command: add person "Nurali Aitelenov" handle=@extremkz
            """))
        #expect(text.contains("Message: second\nSummary: ~1 person\nCommand: tag aitelenov detained\n"))
        let reopened = try CaseReader.load(path: path)
        #expect(CaseWriter.bytes(of: reopened.caseFile) == Array(text.utf8))
    }

    @Test("save refuses without a file, over another file, and over a file changed on disk")
    func saveRefusals() throws {
        let folder = try TemporaryFolder()
        let session = TranscriptSession()
        session.setUp(#"add person "A B""#)
        let other = try folder.write("other.rec", "not mine\n")
        session.check("""
            > save
            error: this case has no file yet
             1 | save
               | ^^^^
              hint: save --as FILE
            > save --as \(other)
            error: \(other) already exists
             1 | save --as \(other)
               |           \(String(repeating: "^", count: other.count))
              hint: save --as \(other) --force replaces it
            > save --as \(folder.file("mine.rec"))
            saved \(folder.file("mine.rec")), revision 1: +1 person
            """)
        #expect(try folder.read("other.rec") == "not mine\n")
        #expect(session.notebook.path == folder.file("mine.rec"))
        try folder.write("mine.rec", try folder.read("mine.rec") + "\n# edited by hand\n")
        session.setUp(#"add person "C D""#)
        session.check("""
            > save
            error: \(folder.file("mine.rec")) was changed on disk since it was opened
             1 | save
               | ^^^^
              hint: diff --disk shows what changed there; save --as FILE keeps both; save --force replaces it, dropping the other writer's changes
            > save --force
            saved \(folder.file("mine.rec")), revision 2: +1 person
            """)
    }

    @Test("save and open are refused inside a sourced script")
    func notInsideSource() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("s.cf", "add person \"A B\"\nsave\n")
        let undoing = try folder.write("u.cf", "add person \"A B\"\nundo\n")
        let session = TranscriptSession(path: folder.file("case.rec"))
        session.check("""
            > source \(script)
            \(script):2:1: error: save cannot run inside a sourced script
             2 | save
               | ^^^^
              hint: save after the script has run
            (nothing from \(script) was kept)
            > add person "C D"
            added person d: C D
            > source \(undoing)
            \(undoing):2:1: error: undo cannot run inside a sourced script
             2 | undo
               | ^^^^
              hint: undo after the script has run
            (nothing from \(undoing) was kept)
            > undo
            undid: add person "C D"
            """)
        #expect(session.notebook.caseFile.entries.isEmpty)
    }

    @Test("source runs a script as one change: an error takes back all of it; one undo takes back all of it")
    func source() throws {
        let folder = try TemporaryFolder()
        let good = try folder.write("good.cf", """
            # people first
            add person "Nurali Aitelenov" handle=@extremkz
            add post @extremkz 2014-02-04 lang=ru <<END
            Завтра у #Есимов‘а на ланче…
            END
            link aitelenov authored extremkz-2014-02-04

            """)
        let bad = try folder.write("bad.cf", """
            add person "Rinat Kibraev"
            tag kibraev detained
            link kibraev detained-with nobody
            add person "Never Added"
            """)
        let session = TranscriptSession()
        session.check("""
            > source \(bad)
            \(bad):3:28: error: no entry 'nobody'
             3 | link kibraev detained-with nobody
               |                            ^^^^^^
              hint: list the Ids with: list
            (nothing from \(bad) was kept)
            > . \(good)
            ran 3 commands from \(good)
            > undo
            undid: add person "Nurali Aitelenov" handle=@extremkz and 2 more commands
            > list
            0 entries
            > redo
            redid: add person "Nurali Aitelenov" handle=@extremkz and 2 more commands
            > list
            person       aitelenov            Nurali Aitelenov  @extremkz
            post         extremkz-2014-02-04  2014-02-04  aitelenov  ru  Завтра у #Есимов‘а…
            2 entries
            > source \(folder.file("missing.cf"))
            error: cannot read \(folder.file("missing.cf")): No such file or directory
             1 | source \(folder.file("missing.cf"))
               |        \(String(repeating: "^", count: folder.file("missing.cf").count))
            """)
        #expect(session.notebook.caseFile["kibraev"] == nil)
        #expect(session.notebook.sessionLog == [
            "add person \"Nurali Aitelenov\" handle=@extremkz",
            "add post @extremkz 2014-02-04 lang=ru <<END\nЗавтра у #Есимов‘а на ланче…\nEND",
            "link aitelenov authored extremkz-2014-02-04",
        ], "the session log holds the script's command lines")
    }

    @Test("a script that sources itself is refused; an unterminated quote in a script is reported at its line")
    func sourceErrors() throws {
        let folder = try TemporaryFolder()
        let loop = folder.file("loop.cf")
        try folder.write("loop.cf", "add person \"A B\"\nsource \(loop)\n")
        let quote = try folder.write("quote.cf", "add person \"A B\"\n\nadd person \"Unclosed\n")
        let session = TranscriptSession()
        session.check("""
            > source \(loop)
            \(loop):2:8: error: \(loop) is already being run (as \(loop)): sourcing it here would loop forever
             2 | source \(loop)
               |        \(String(repeating: "^", count: loop.count))
              hint: a script cannot source itself, directly or through another script
            (nothing from \(loop) was kept)
            > source \(quote)
            \(quote):3:12: error: unterminated double quote
             3 | add person "Unclosed
               |            ^
              hint: close it with "
            (nothing from \(quote) was kept)
            """)
        #expect(session.notebook.caseFile.entries.isEmpty)
    }

    @Test("quit refuses to drop unsaved changes; quit! and a save let it go")
    func quit() throws {
        let folder = try TemporaryFolder()
        let session = TranscriptSession(path: folder.file("case.rec"))
        session.check("""
            > add person "A B"
            added person b: A B
            > add person "C D"
            added person d: C D
            > quit
            error: 2 unsaved changes
             1 | quit
               | ^^^^
              hint: save first, or quit! to leave without saving
            """)
        #expect(!session.notebook.wantsToQuit)
        session.check("""
            > undo 2
            undid 2 changes:
              add person "C D"
              add person "A B"
            > exit
            """)
        #expect(session.notebook.wantsToQuit)
        let dropping = TranscriptSession()
        dropping.setUp(#"add person "A B""#)
        dropping.check("> quit!")
        #expect(dropping.notebook.wantsToQuit)
    }

    @Test("new and open refuse to drop unsaved changes; open reads a saved case")
    func newAndOpen() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let session = TranscriptSession(path: path)
        session.setUp(#"add person "A B""#)
        session.check("""
            > new "Other case"
            error: the case has unsaved changes
             1 | new "Other case"
               | ^^^
              hint: save them first (save), or undo them
            > open \(path)
            error: the case has unsaved changes
             1 | open \(path)
               | ^^^^
              hint: save them first (save), or undo them
            > save
            saved \(path), revision 1: +1 person
            > new "Other case"
            new case: Other case
            > list
            0 entries
            > open \(path)
            opened case: 1 entry
            > list
            person       b  A B
            1 entry
            > undo
            error: nothing to undo
             1 | undo
               | ^^^^
            """)
        try folder.write("broken.rec", "%rec: Person\n\nName: no id\n")
        session.check("""
            > open \(folder.file("broken.rec"))
            error: cannot open \(folder.file("broken.rec"))
             1 | open \(folder.file("broken.rec"))
               |      \(String(repeating: "^", count: folder.file("broken.rec").count))
              hint: \(folder.file("broken.rec")):3:1: error: Person record is missing its mandatory field 'Id'
             3 | Name: no id
               | ^
              hint: add a line 'Id: …' to the record
            """)
    }
}
