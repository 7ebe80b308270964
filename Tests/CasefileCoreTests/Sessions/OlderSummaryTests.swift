import Foundation
import Testing
import CasefileTestSupport
@testable import CasefileCore

/// A save records what the person did: references a rename rewrote are counted apart, as
/// records that follow. A save made before that rule counted them as edits; its log still
/// replays, and only a summary neither rule gives is a sign of an edit.
@Suite struct OlderSummaryTests {
    /// A case saved twice: two posts by a person, then the person renamed.
    static func renamedCase() throws -> CaseFile {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let notebook = try SaveTests.notebook(path)
        SaveTests.run(notebook, #"new "Bloggers""#)
        SaveTests.run(notebook, #"add person "Nurali Aitelenov" handle=@extremkz"#)
        SaveTests.run(notebook, #"add post @extremkz 2014-02-04 "Завтра" lang=ru"#)
        SaveTests.run(notebook, #"add post @extremkz 2014-02-05 "Сегодня" lang=ru"#)
        SaveTests.run(notebook, #"save -m "one""#)
        notebook.settings.fixedTime = 1_764_075_600
        SaveTests.run(notebook, "rename aitelenov nurali")
        SaveTests.run(notebook, #"save -m "two""#)
        return try CaseReader.load(path: path).caseFile
    }

    /// `caseFile` with its newest session's summary replaced, and sealed again (as the
    /// older casefile that wrote that summary sealed it).
    static func resummarised(_ caseFile: CaseFile, _ summary: String) -> CaseFile {
        var copy = caseFile
        guard let newest = copy.sessions.indices.last else { return copy }
        let parents = copy.sessions[newest].chainParents
        for index in copy.sessions[newest].fields.indices where copy.sessions[newest].fields[index].name == "Summary" {
            copy.sessions[newest].fields[index].value = summary
        }
        SessionChain.seal(&copy, parents: parents)
        return copy
    }

    @Test func aRenameIsSummarisedAsWhatWasDone() throws {
        let saved = try Self.renamedCase()
        #expect(saved.sessions.last?.summary == ">1 person, 2 records follow")
        try RevisionReplay(saved).verify()
    }

    @Test func aSaveWhoseSummaryCountedTheRipplesStillReplays() throws {
        let older = Self.resummarised(try Self.renamedCase(), ">1 person, ~2 post")
        let bytes = CaseWriter.bytes(of: older)
        let replay = try RevisionReplay(older)
        try replay.verify()
        #expect(ByteDifference.first(try replay.rebuild(revision: 2), bytes) == nil)
    }

    @Test func aSummaryNeitherRuleGivesIsReported() throws {
        let edited = Self.resummarised(try Self.renamedCase(), ">1 person, ~3 post")
        let problem = try #require(throws: ReplayProblem.self) { try RevisionReplay(edited).verify() }
        #expect("\(problem)".contains("revision 2 records '>1 person, ~3 post' but its commands give '>1 person, 2 records follow'"), "\(problem)")
    }
}
