import CasefileTestSupport
import Foundation
import Testing
@testable import CasefileCore

/// A run of an entry's fields changed in place (`Notebook.replaceFields`): the indexes that
/// read those fields follow, undo and redo give back each state, and the field list is
/// changed where it is rather than copied.
@Suite struct FieldEditTests {
    static func notebook(output: BufferOutput = BufferOutput()) -> Notebook {
        let notebook = Notebook(caseFile: CaseFile(), output: output, settings: Settings(userName: "amina", fixedTime: 1_764_072_000))
        notebook.journaling = false
        notebook.showsConfirmations = false
        for line in [#"new "Bloggers""#, #"add person "Nurali Aitelenov" handle=@extremkz"#,
                     #"add person "Rinat Kibraev" handle=@kibraev"#,
                     #"add post @extremkz 2014-02-04 "Завтра" lang=ru"#] {
            #expect(notebook.runInteractive(line).isEmpty, "\(line)")
        }
        return notebook
    }

    @Test func theIndexesThatReadTheChangedFieldsFollow() throws {
        let notebook = Self.notebook()
        // Built first, so that they are kept current rather than built afterwards.
        #expect(notebook.people(withHandle: "@extremkz") == ["aitelenov"])
        #expect(notebook.referencesTo("aitelenov").contains(.field(id: "extremkz-2014-02-04", field: "Author")))
        let person = try #require(notebook.caseFile["aitelenov"])
        let handle = try #require(person.fields.firstIndex { $0.name == "Handle" })
        notebook.replaceFields(of: "aitelenov", at: handle, removing: 1, with: [Field("Handle", "@nurali")])
        #expect(notebook.people(withHandle: "@extremkz").isEmpty)
        #expect(notebook.people(withHandle: "@nurali") == ["aitelenov"])
        let post = try #require(notebook.caseFile["extremkz-2014-02-04"])
        let author = try #require(post.fields.firstIndex { $0.name == "Author" })
        notebook.replaceFields(of: post.id, at: author, removing: 1, with: [Field("Author", "kibraev")])
        #expect(notebook.referencesTo("aitelenov").isEmpty)
        #expect(notebook.referencesTo("kibraev").contains(.field(id: post.id, field: "Author")))
    }

    @Test func aRunThatDoesNotFitChangesNothing() {
        let notebook = Self.notebook()
        let before = notebook.caseFile
        for (at, count) in [(-1, 0), (0, -1), (99, 0), (0, 99), (Int.max, 1), (1, Int.max)] {
            notebook.replaceFields(of: "aitelenov", at: at, removing: count, with: [Field("Tag", "x")])
        }
        notebook.replaceFields(of: "nobody", at: 0, removing: 0, with: [Field("Tag", "x")])
        #expect(firstDifference(notebook.caseFile, before) == nil)
    }

    @Test func tagsAndUntagsOneByOneUndoAndRedoToEveryState() {
        let notebook = Self.notebook()
        var states = [notebook.caseFile]
        func run(_ line: String) {
            #expect(notebook.runInteractive(line).isEmpty, "\(line)")
            if firstDifference(notebook.caseFile, states[states.count - 1]) != nil { states.append(notebook.caseFile) }
        }
        for index in 0..<30 {
            run("tag aitelenov t\(index % 12)")
            if index % 5 == 4 { run("untag aitelenov t\(index % 12)") }
        }
        #expect(states.count > 20)
        #expect(notebook.runInteractive("untag aitelenov t1 nope").count == 1, "a tag it lacks is an error")
        #expect(firstDifference(notebook.caseFile, states[states.count - 1]) == nil, "and takes back the tags removed before it")
        for state in states.reversed().dropFirst() {
            #expect(notebook.runInteractive("undo").isEmpty)
            #expect(firstDifference(notebook.caseFile, state) == nil)
        }
        for state in states.dropFirst() {
            #expect(notebook.runInteractive("redo").isEmpty)
            #expect(firstDifference(notebook.caseFile, state) == nil)
        }
    }

    @Test func aTagIsAddedWhereTheFieldsAreWithoutACopy() throws {
        let notebook = Self.notebook()
        #expect(notebook.runInteractive("tag aitelenov " + (0..<64).map { "t\($0)" }.joined(separator: " ")).isEmpty)
        // Undo keeps no copy of the list; the baseline's copy is made by the first change.
        func storage() -> UnsafeRawPointer? {
            notebook.caseFile["aitelenov"]?.fields.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        }
        #expect(notebook.runInteractive("tag aitelenov first").isEmpty)
        var capacity = notebook.caseFile["aitelenov"]?.fields.capacity ?? 0
        var count = notebook.caseFile["aitelenov"]?.fields.count ?? 0
        var moves = 0
        for index in 0..<200 {
            let before = storage()
            #expect(notebook.runInteractive("tag aitelenov more\(index)").isEmpty)
            // Only growth past the capacity may move the list.
            if storage() != before && count < capacity { moves += 1 }
            capacity = notebook.caseFile["aitelenov"]?.fields.capacity ?? 0
            count = notebook.caseFile["aitelenov"]?.fields.count ?? 0
        }
        #expect(moves == 0, "the list was copied \(moves) times where it had room")
    }

    @Test func aLongTagListAnswersFromItsSetAndFollowsEveryChange() {
        let output = BufferOutput()
        let notebook = Self.notebook(output: output)
        notebook.showsConfirmations = true
        func run(_ line: String) -> String {
            output.reset()
            #expect(notebook.runInteractive(line).isEmpty, "\(line)")
            return output.text
        }
        for index in 0..<(TagIndex.smallest + 8) { _ = run("tag aitelenov t\(index)") }
        #expect(run("tag aitelenov t3").contains("already has those tags"))
        #expect(!run("untag aitelenov t3").isEmpty)
        #expect(run("tag aitelenov t3").contains("added t3"), "removed in place, so no longer there")
        #expect(!run("undo").isEmpty)
        #expect(run("tag aitelenov t3").contains("added t3"), "undo took it out again")
        // A change of the whole entry (not in place) is followed too.
        #expect(!run("untag aitelenov " + (0..<10).map { "t\($0)" }.joined(separator: " ")).isEmpty)
        #expect(run("tag aitelenov t5").contains("added t5"))
        #expect(run("tag aitelenov t20").contains("already has those tags"))
        #expect(notebook.caseFile["aitelenov"]?.tags.filter { $0 == "t5" }.count == 1)
    }
}
