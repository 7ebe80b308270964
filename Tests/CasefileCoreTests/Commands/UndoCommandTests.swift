import CasefileCore
import CasefileTestSupport
import Testing

@Suite("undo, redo")
struct UndoCommandTests {
    @Test("undo N and redo N step through whole commands; a new change clears redo")
    func undoRedo() {
        let session = Fixture.session()
        let start = session.bytes
        session.check("""
            > tag aitelenov a
            aitelenov tags: detained, a
            > link aitelenov criticizes esimov
            linked aitelenov criticizes esimov
            > rm kibraev --cascade
            removed person kibraev with 1 link and 0 notes
            > undo 3
            undid 3 changes:
              rm kibraev --cascade
              link aitelenov criticizes esimov
              tag aitelenov a
            """)
        #expect(session.bytes == start)
        session.check("""
            > redo
            redid: tag aitelenov a
            > redo 5
            redid 2 changes (no more to redo):
              link aitelenov criticizes esimov
              rm kibraev --cascade
            > redo
            error: nothing to redo
             1 | redo
               | ^^^^
            > undo
            undid: rm kibraev --cascade
            > tag esimov b
            esimov tags: b
            > redo
            error: nothing to redo
             1 | redo
               | ^^^^
            """)
        #expect(session.notebook.caseFile["kibraev"] != nil)
        #expect(session.notebook.caseFile.links[LinkKey(from: "aitelenov", rel: "criticizes", to: "esimov")] != nil)
    }

    @Test("undo goes back past the fixture to an empty case, then says there is nothing more")
    func undoAll() {
        let session = Fixture.session()
        session.check("""
            > undo 100
            undid 8 changes (no more to undo):
              link aitelenov detained-with kibraev
              translate extremkz-2014-02-04 en "Tomorrow at #Esimov's lunch…" by="Global…
              add post @extremkz 2014-02-05 "Қазақстан" lang=kk
              add post @extremkz 2014-02-04 "Завтра у #Есимов‘а на ланче…" lang=ru…
              add person "Akhmetzhan Esimov" alias="Ахметжан Есимов" role="Mayor of Almaty"
              add person "Rinat Kibraev" tag=detained
              add person "Nurali Aitelenov" handle=@extremkz alias="IT-len-off Нурали"…
              add source "Some Kazakh Bloggers Dine With Mayor" id=gv…
            > undo
            error: nothing to undo
             1 | undo
               | ^^^^
            > undo 0
            error: '0' is not a positive number
             1 | undo 0
               |      ^
            > undo x
            error: 'x' is not a positive number
             1 | undo x
               |      ^
            > undo 1 2
            error: unexpected '2'
             1 | undo 1 2
               |        ^
              hint: usage: undo [N]
            """)
        #expect(session.notebook.caseFile.entries.isEmpty)
        #expect(!session.notebook.hasUnsavedChanges)
        #expect(session.bytes == CaseWriter.bytes(of: CaseFile()))
    }

    @Test("a failed command is not an undo step; commands that change nothing are not either")
    func failuresAreNotSteps() {
        let session = Fixture.session()
        session.check("""
            > tag aitelenov x
            aitelenov tags: detained, x
            > set aitelenov role=y name=
            error: Name would be empty
             1 | set aitelenov role=y name=
               |                      ^^^^^
              hint: remove it with: unset aitelenov Name
            > tag aitelenov x
            aitelenov already has those tags
            > link aitelenov detained-with kibraev
            already linked: aitelenov detained-with kibraev
            > undo
            undid: tag aitelenov x
            """)
        #expect(session.notebook.caseFile["aitelenov"]?.tags == ["detained"])
        #expect(session.notebook.caseFile["aitelenov"]?["Role"] == "blogger")
    }
}
