import Foundation
import Testing
@testable import CasefileCore

/// Three-way merges of case files.
@Suite struct CaseMergeTests {
    /// Entries, links, notes, title and layout: what a merge must get right.
    static func content(_ caseFile: CaseFile) -> [UInt8] {
        var copy = caseFile
        copy.sessions = []
        copy.header.set("Revision", nil)
        copy.header.set("Saved", nil)
        return RandomCases.bytes(copy)
    }

    @Test(arguments: 0..<80)
    func mergingWithAnUnchangedSideGivesTheOtherSide(seed: Int) {
        var random = ReviewRandom(seed: UInt64(seed) + 9000)
        let base = RandomCases.makeCase(&random, size: random.int(0...20))
        let changed = RandomCases.edit(base, &random, count: random.int(1...8))
        let theirs = CaseMerge(base: base, ours: base, theirs: changed)
        #expect(theirs.conflicts.isEmpty, "seed \(seed): \(theirs.conflicts)")
        #expect(Self.content(theirs.merged) == Self.content(changed), "seed \(seed)")
        let ours = CaseMerge(base: base, ours: changed, theirs: base)
        #expect(ours.conflicts.isEmpty, "seed \(seed): \(ours.conflicts)")
        #expect(Self.content(ours.merged) == Self.content(changed), "seed \(seed)")
        let both = CaseMerge(base: base, ours: changed, theirs: changed)
        #expect(both.conflicts.isEmpty, "seed \(seed): the same change on both sides is no conflict")
        #expect(Self.content(both.merged) == Self.content(changed), "seed \(seed)")
    }

    static let base = """
        %rec: Casefile

        Format: 1
        Title: Bloggers
        Revision: 1
        Saved: 2025-11-25T12:00:00Z

        %rec: Person
        %key: Id
        %mandatory: Name

        Id: aitelenov
        Name: Nurali Aitelenov

        Id: kibraev
        Name: Rinat Kibraev

        %rec: Session
        %key: Revision
        %mandatory: Revision

        Revision: 1
        Saved: 2025-11-25T12:00:00Z
        By: amina
        Summary: +2 person
        Command: new Bloggers
        Command: add person "Nurali Aitelenov"
        Command: add person "Rinat Kibraev"

        """

    static func read(_ text: String) throws -> CaseFile { try CaseReader.read(text: text).caseFile }

    /// `text` after `script`, saved by `user` at `time`.
    static func after(_ text: String, _ script: String, user: String, time: Int) throws -> CaseFile {
        let notebook = Notebook(caseFile: try read(text), output: BufferOutput(),
                                settings: Settings(userName: user, fixedTime: time))
        notebook.journaling = false
        let report = notebook.runScript(script, name: "script")
        #expect(report.errors.isEmpty, "\(report.errors)")
        notebook.commitSave(notebook.prepareSave(message: nil), path: nil, hash: nil)
        return notebook.caseFile
    }

    @Test func twoResearchersSavesMergeAndTheLogStillReplays() throws {
        let ours = try Self.after(Self.base, "tag kibraev detained\nlink aitelenov detained-with kibraev", user: "amina",
                                  time: 1_764_075_600)
        let theirs = try Self.after(Self.base, #"add person "Dmitry Shchyolokov""#, user: "bo", time: 1_764_074_000)
        let merge = CaseMerge(base: try Self.read(Self.base), ours: ours, theirs: theirs)
        #expect(merge.conflicts.isEmpty)
        #expect(merge.merged["kibraev"]?.tags == ["detained"])
        #expect(merge.merged["shchyolokov"] != nil)
        #expect(merge.merged.sessions.map(\.revision) == [1, 2, 3])
        #expect(merge.merged.sessions.map(\.by) == ["amina", "amina", "bo"])
        #expect(merge.merged.header.revision == 3)
        #expect(merge.merged.header.saved == "2025-11-25T12:33:20Z")
        try RevisionReplay(merge.merged).verify()
    }

    @Test func aRecordChangedDifferentlyOnBothSidesIsAConflictAndOursIsKept() throws {
        let ours = try Self.after(Self.base, "tag kibraev detained", user: "amina", time: 1_764_075_600)
        let theirs = try Self.after(Self.base, "tag kibraev released\nrename aitelenov nurali", user: "bo",
                                    time: 1_764_074_000)
        let merge = CaseMerge(base: try Self.read(Self.base), ours: ours, theirs: theirs)
        #expect(merge.conflicts == ["person kibraev (changed on both sides; ours kept)"])
        #expect(merge.merged["kibraev"]?.tags == ["detained"])
        #expect(merge.merged["nurali"] != nil, "their rename of another entry is taken")
    }

    @Test func titlesMergeThreeWays() throws {
        var ours = try Self.read(Self.base)
        var theirs = ours
        theirs.header.set("Title", "Kazakh bloggers")
        var merge = CaseMerge(base: try Self.read(Self.base), ours: ours, theirs: theirs)
        #expect(merge.merged.header.title == "Kazakh bloggers")
        ours.header.set("Title", "Almaty bloggers")
        merge = CaseMerge(base: try Self.read(Self.base), ours: ours, theirs: theirs)
        #expect(merge.merged.header.title == "Almaty bloggers")
        #expect(merge.conflicts == ["header Title (changed on both sides; ours kept)"])
    }
}
