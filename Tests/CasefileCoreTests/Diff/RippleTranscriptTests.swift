import Testing
import CasefileTestSupport
@testable import CasefileCore

/// A rename's and a merge's ripples in the shell's `diff`: one line per rewrite, with a
/// count, and the merge named as a merge; `--stat` counts what the person did.
@Suite struct RippleTranscriptTests {
    /// A saved case: two accounts of one blogger, each with posts, a link and a note.
    static func saved() -> CaseFile {
        let notebook = Notebook(caseFile: CaseFile(), output: BufferOutput(), settings: Settings(userName: "amina", fixedTime: 1_764_072_000))
        notebook.journaling = false
        notebook.showsConfirmations = false
        var lines = [#"new "Bloggers""#, #"add person "Nurali Aitelenov" handle=@extremkz"#,
                     #"add person "Nurali A." handle=@nurali2 id=other"#, #"add person "Rinat Kibraev""#]
        for day in 1...4 {
            lines.append(#"add post @extremkz 2014-02-0\#(day) "пост \#(day) о встрече" lang=ru"#)
            lines.append(#"add post @nurali2 2014-03-0\#(day) "другой пост \#(day)" lang=ru"#)
        }
        lines += ["link aitelenov detained-with kibraev", "link kibraev criticizes aitelenov", #"annotate other "the same man""#]
        for line in lines { _ = notebook.runInteractive(line) }
        notebook.commitSave(notebook.prepareSave(message: nil), path: nil, hash: nil)
        return notebook.caseFile
    }

    @Test func aRenamesRipplesAreOneLineWithACount() {
        let session = TranscriptSession(caseFile: Self.saved())
        // The rename's heading starts with `> `, so only the typed lines are fed.
        let typed = "> rename aitelenov nurali\n> set kibraev role=blogger\n> diff\n"
        let transcript = """
            > rename aitelenov nurali
            renamed aitelenov to nurali (6 references rewritten)
            > set kibraev role=blogger
            updated kibraev
            > diff
            > person aitelenov → nurali (renamed)
            ~ person kibraev
              + Role: blogger
            ~ 4 posts: Author aitelenov → nurali (follow the rename)
            ~ 2 links: aitelenov → nurali (follow the rename)
            """
        #expect(session.replay(typed) == transcript)
        #expect(session.replay("> diff --stat\n").hasSuffix("1 changed, 1 renamed\n6 records only follow a rename or a merge"))
        // The summary the save records (and `log` shows) counts what the person did.
        #expect(session.replay("> log\n").contains("\nunsaved  ~1 person, >1 person, 6 records follow  (2 commands; diff shows them)\n"))
    }

    @Test func aMergeShowsAsAMerge() {
        let session = TranscriptSession(caseFile: Self.saved())
        _ = session.notebook.runInteractive("merge aitelenov other")
        let shown = session.replay("> diff\n")
        #expect(shown.contains("- person other → merged into aitelenov (its references, links and notes moved there)\n"), "\(shown)")
        #expect(shown.contains("~ person aitelenov\n  + Handle: @nurali2\n"), "\(shown)")
        #expect(shown.contains("~ 4 posts: Author other → aitelenov (follow the merge)\n"), "\(shown)")
        #expect(shown.contains("> note on other"), "the note moved: \(shown)")
        #expect(!shown.contains("- note on other"), "not removed and re-added: \(shown)")
        // One merge, not a removed person plus edits: the posts and the note follow it.
        #expect(session.notebook.unsavedSummary.text == "~1 person, 1 person merged, 5 records follow")
    }
}
