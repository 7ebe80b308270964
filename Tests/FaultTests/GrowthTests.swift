@testable import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// Many small changes to a large entry: the journal and undo keep what changed, not
/// copies of the entry, and recovery and undo still give back exactly the case.
@Suite struct GrowthTests {
    @Test func smallChangesToALargePostJournalOnlyWhatChanged() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let text = String(repeating: "Завтра у Есимова на ланче. ", count: 4000)  // about 200 KB
        var caseFile = CaseFile(title: "Growth")
        caseFile.put(Entry(kind: .person, id: "p", fields: [Field("Name", "Person P")]))
        caseFile.put(Entry(kind: .post, id: "big", fields: [Field("Author", "p"), Field("Date", "2014-02-04"), Field("Text", text)]))
        try caseFile.write(to: path)
        let saved = try FileBytes.read(path)
        let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        try notebook.open(path: path)
        let commands = (0..<200).map { "tag big t\($0)" } + ["untag big t7", "set big lang=ru"]
        for command in commands { #expect(notebook.runInteractive(command).isEmpty, "\(command)") }
        let journal = try FileBytes.read(Journal.path(for: path))
        // Whole once, then the fields that changed: far below 200 copies of 200 KB.
        #expect(journal.count < 2 * saved.count + 200 * 300, "journal of \(journal.count) bytes")

        let recovered = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        try recovered.open(path: path)
        #expect(recovered.runInteractive("recover").isEmpty)
        #expect(CaseWriter.bytes(of: recovered.caseFile) == CaseWriter.bytes(of: notebook.caseFile))
        #expect(recovered.caseFile["big"]?.values("Tag").count == 199)

        // Undo takes every step back to the saved file, redo forward again.
        let after = CaseWriter.bytes(of: notebook.caseFile)
        for _ in commands { #expect(notebook.runInteractive("undo").isEmpty) }
        #expect(!notebook.hasUnsavedChanges)
        #expect(CaseWriter.bytes(of: notebook.caseFile) == saved)
        for _ in commands { #expect(notebook.runInteractive("redo").isEmpty) }
        #expect(CaseWriter.bytes(of: notebook.caseFile) == after)
        notebook.discardJournal()
        recovered.discardJournal()
    }

    /// Tags added in place to a case without a file (no journal to hold the entry), saved as
    /// a file, then tagged on: the journal holds the entry whole before its first edit, and
    /// recovery gives back exactly the case.
    @Test func editsInPlaceBeforeTheFirstSaveReachTheJournalWhole() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        let lines = [#"new "Growth""#, #"add person "Person P" id=p"#] + (0..<40).map { "tag p early\($0)" }
            + ["save --as \(path)", "tag p a", "tag p b", "untag p early3", "tag p c"]
        for line in lines { #expect(notebook.runInteractive(line).isEmpty, "\(line)") }
        let recovered = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        try recovered.open(path: path)
        #expect(recovered.runInteractive("recover").isEmpty)
        #expect(CaseWriter.bytes(of: recovered.caseFile) == CaseWriter.bytes(of: notebook.caseFile))
        #expect(recovered.caseFile["p"]?.values("Tag").suffix(3) == ["a", "b", "c"])
        notebook.discardJournal()
        recovered.discardJournal()
    }

    /// An edit of an entry the journal does not hold whole (the notebook never asks for
    /// one, but nothing else may make a journal that recovers wrongly): written as the
    /// entry as the command left it, with the command's later steps on it in that.
    @Test func anEditOfAnEntryTheJournalLacksIsWrittenWhole() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        try CaseFile(title: "Growth").write(to: path)
        let final = Entry(kind: .person, id: "p", fields: [Field("Name", "P"), Field("Tag", "a"), Field("Tag", "b")])
        var recorder = JournalRecorder()
        recorder.addEdit(id: "p", at: 1, removed: 0, added: [Field("Tag", "a")])
        recorder.addEdit(id: "p", at: 2, removed: 0, added: [Field("Tag", "b")])
        let journal = try Journal(casePath: path, baseHash: nil, revision: 0, started: "2025-11-25T12:00:00Z")
        try journal.append(command: "tag p a b", recorder: recorder, at: "2025-11-25T12:00:00Z") { $0 == "p" ? final : nil }
        let pending = try #require(PendingJournal.find(for: path))
        let changes = pending.steps.flatMap(\.changes)
        #expect(changes.count == 1)
        guard case let .whole(.entry(nil, written?))? = changes.first else {
            Issue.record("expected the entry whole, got \(changes)")
            return
        }
        #expect(written == final)
        journal.remove()
    }

    @Test func oneTagCommandWithManyTagsAddsThemAllInOrder() throws {
        let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        notebook.journaling = false
        #expect(notebook.runInteractive("add person \"Nurali Aitelenov\" handle=@extremkz\ntag aitelenov a b").isEmpty)
        let words = (0..<20_000).map { "t\($0)" }
        #expect(notebook.runInteractive("tag aitelenov " + (["b"] + words + ["t5"]).joined(separator: " ")).isEmpty)
        let person = try #require(notebook.caseFile["aitelenov"])
        #expect(person.values("Tag") == ["a", "b"] + words)
        #expect(person["Handle"] == "@extremkz")
        #expect(notebook.runInteractive("undo").isEmpty)
        #expect(notebook.caseFile["aitelenov"]?.values("Tag") == ["a", "b"])
    }

    /// Confirming a tag on a person with thousands of them names what changed and counts
    /// the rest: listing every tag after every `tag` made adding them one by one quadratic
    /// in time and, in a buffered output, in memory.
    @Test func tagConfirmationsStayShortOnLongTagLists() throws {
        let output = BufferOutput()
        let notebook = Notebook(output: output, settings: FaultCase.settings)
        notebook.journaling = false
        #expect(notebook.runInteractive("add person \"Nurali Aitelenov\"\ntag aitelenov a b").isEmpty)
        #expect(output.text.hasSuffix("aitelenov tags: a, b\n"))
        #expect(notebook.runInteractive("tag aitelenov " + (0..<40).map { "t\($0)" }.joined(separator: " ")).isEmpty)
        #expect(output.text.hasSuffix("aitelenov: added t0, t1, t2, t3, t4 and 35 more (42 tags)\n"))
        #expect(notebook.runInteractive("tag aitelenov late").isEmpty)
        #expect(output.text.hasSuffix("aitelenov: added late (43 tags)\n"))
        #expect(notebook.runInteractive("tag aitelenov late").isEmpty)
        #expect(output.text.hasSuffix("aitelenov already has those tags\n"))
        #expect(notebook.runInteractive("untag aitelenov late t3").isEmpty)
        #expect(output.text.hasSuffix("aitelenov: removed late, t3 (41 tags)\n"))
        let missing = notebook.runInteractive("untag aitelenov nosuch")
        #expect(missing.contains { "\($0)".contains("it has 41 tags; `show aitelenov` lists them") }, "\(missing)")
        let many = (0..<40).filter { $0 != 3 }.map { "t\($0)" }
        #expect(notebook.runInteractive("untag aitelenov " + many.joined(separator: " ")).isEmpty)
        #expect(output.text.hasSuffix("aitelenov tags: a, b\n"))
        #expect(notebook.caseFile["aitelenov"]?.values("Tag") == ["a", "b"])
        #expect(!notebook.runInteractive("untag aitelenov a a").isEmpty, "the second a is not there any more")
    }
}
