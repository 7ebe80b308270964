import Foundation
import Testing
import CasefileTestSupport
@testable import CasefileCore

/// `diff --by-session` replays the sessions on the older file's changed records only, and
/// falls back to the whole case when that cannot explain the newer file: either way the
/// attribution is the one the replay on the whole older case gives.
@Suite struct PartialAttributionTests {
    /// A saved case of three people (aitelenov, kibraev, esimova) with two posts each, then `sessions` saved on top of it
    /// (one save each); `handEdit` changes the newer file's text afterwards.
    static func files(_ sessions: [String], handEdit: ((String) -> String)? = nil,
                      in folder: TemporaryFolder) throws -> (old: String, new: String) {
        let new = folder.file("case.rec")
        let notebook = try SaveTests.notebook(new)
        SaveTests.run(notebook, #"new "Bloggers""#)
        for (name, handle) in [("Nurali Aitelenov", "extremkz"), ("Rinat Kibraev", "kibraev"), ("Asel Esimova", "esimov")] {
            SaveTests.run(notebook, "add person \"\(name)\" handle=@\(handle)")
            for day in 1...2 { SaveTests.run(notebook, "add post @\(handle) 2014-02-0\(day) \"пост \(day)\" lang=ru") }
        }
        try notebook.save(message: "start")
        let old = folder.file("old.rec")
        try FileManager.default.copyItem(atPath: new, toPath: old)
        for (index, script) in sessions.enumerated() {
            notebook.settings = Settings(userName: "amina", fixedTime: 1_764_075_600 + 60 * index)
            SaveTests.run(notebook, script)
            try notebook.save(message: "session \(index)")
        }
        if let handEdit {
            let text = try String(contentsOfFile: new, encoding: .utf8)
            try handEdit(text).write(toFile: new, atomically: true, encoding: .utf8)
        }
        return (old, new)
    }

    /// The attribution `diff` computes and the one from both cases read whole agree.
    static func expectAgreement(_ paths: (old: String, new: String), sourceLocation: SourceLocation = #_sourceLocation) throws {
        let old = try CaseInput(path: paths.old)
        let new = try CaseInput(path: paths.new)
        let comparison = try FileComparison.compare(old, new)
        let quick = try SessionAttribution.between(old, new, comparison: comparison)
        let whole = SessionAttribution(old: try SessionAttribution.read(old), new: try SessionAttribution.read(new),
                                       changed: comparison.diff)
        #expect(quick.steps.map(\.session) == whole.steps.map(\.session), sourceLocation: sourceLocation)
        #expect(quick.steps.map(\.diff) == whole.steps.map(\.diff), sourceLocation: sourceLocation)
        #expect(quick.unexplained == whole.unexplained, sourceLocation: sourceLocation)
        #expect(quick.failure?.revision == whole.failure?.revision, sourceLocation: sourceLocation)
        #expect(DiffRenderer().bySession(quick) == DiffRenderer().bySession(whole), sourceLocation: sourceLocation)
    }

    @Test func editsOfChangedRecordsAreExplainedFromThemAlone() throws {
        let folder = try TemporaryFolder()
        let paths = try Self.files(["set extremkz-2014-02-01 text=\"исправлено\"", "tag kibraev detained"], in: folder)
        try Self.expectAgreement(paths)
        let old = try CaseInput(path: paths.old)
        let new = try CaseInput(path: paths.new)
        let attribution = try SessionAttribution.between(old, new, comparison: try FileComparison.compare(old, new))
        #expect(attribution.steps.count == 2)
        #expect(attribution.unexplained.isEmpty)
        #expect(attribution.steps[1].diff.changes.map(\.subject) == [.entry(.person, "kibraev")])
    }

    /// A post added for a person the session did not change: the changed records alone
    /// cannot resolve `@esimov`, so the whole case is replayed.
    @Test func aCommandNeedingAnUnchangedRecordIsReplayedOnTheWholeCase() throws {
        let folder = try TemporaryFolder()
        let paths = try Self.files([#"add post @esimov 2014-02-05 "новый пост" lang=ru"#, "tag extremkz-2014-02-02 reviewed"], in: folder)
        try Self.expectAgreement(paths)
    }

    /// An Id an unchanged entry holds: the new post gets another Id on the whole case.
    @Test func anIdTakenByAnUnchangedEntryIsReplayedOnTheWholeCase() throws {
        let folder = try TemporaryFolder()
        let paths = try Self.files(["tag esimova blogger", #"add post @esimov 2014-02-01 "ещё пост" lang=ru"#], in: folder)
        try Self.expectAgreement(paths)
    }

    @Test func aHandEditIsUnexplainedEitherWay() throws {
        let folder = try TemporaryFolder()
        let paths = try Self.files(["tag kibraev detained"], handEdit: { $0.replacingOccurrences(of: "Name: Asel Esimova", with: "Name: Asel Yesimova") },
                                   in: folder)
        try Self.expectAgreement(paths)
        let old = try CaseInput(path: paths.old)
        let new = try CaseInput(path: paths.new)
        let attribution = try SessionAttribution.between(old, new, comparison: try FileComparison.compare(old, new))
        #expect(!attribution.unexplained.isEmpty)
    }
}
