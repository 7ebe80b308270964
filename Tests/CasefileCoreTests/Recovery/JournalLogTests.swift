import CasefileTestSupport
import Foundation
import Testing
@testable import CasefileCore

/// A recovered session has the session log it had, so its save replays: found by the
/// random-session property (RevisionTests), where a change removed again emptied the
/// unsaved changes, the journal was dropped, and the next one lost the earlier lines.
@Suite struct JournalLogTests {
    @Test func aChangeRemovedAgainThenUndoneRecoversWithItsWholeLog() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let script = try folder.write("quotes.cf", "add quote aitelenov lunch\nadd quote aitelenov Алматы\n")
        let first = Notebook(output: BufferOutput(), settings: Settings(userName: "amina", fixedTime: 1_764_072_000))
        try first.open(path: path)
        #expect(first.runInteractive("add person \"Nurali Aitelenov\"").isEmpty)
        try first.save(message: nil)
        // The quote added and removed: the case is back at its saved state for a moment.
        for line in ["add quote aitelenov \"mayor's lunch\"", "rm aitelenov-q1 --cascade", "undo", "source \(script)",
                     "annotate aitelenov-q3 checked"] {
            #expect(first.runInteractive(line).isEmpty, "\(line)")
        }
        let log = first.log.lines
        #expect(log.first == "add quote lang=und aitelenov \"mayor's lunch\"")
        first.syncJournal()
        // The session is killed; a new one recovers it and saves.
        let second = Notebook(output: BufferOutput(), settings: Settings(userName: "amina", fixedTime: 1_764_073_000))
        try second.open(path: path)
        #expect(second.runInteractive("recover").isEmpty)
        #expect(second.log.lines == log)
        #expect(second.caseFile.entries.keys.sorted() == first.caseFile.entries.keys.sorted())
        try second.save(message: nil)
        let saved = try CaseReader.load(path: path).caseFile
        try RevisionReplay(saved).verify()
    }
}
