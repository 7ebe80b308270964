import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// A case file in a fresh folder, opened in notebooks as the shell opens it (journaling),
/// for the journal's fault suites; and the journal a killed session leaves beside it.
struct JournalCase {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("case.rec")
    }

    /// A notebook on the case, as a new session opens it.
    func notebook() throws -> Notebook {
        let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        try notebook.open(path: path)
        return notebook
    }

    /// Runs `script` in `notebook`, requiring it to succeed.
    func run(_ notebook: Notebook, _ script: String) throws {
        let report = notebook.runScript(script, name: "test")
        try #require(report.errors.isEmpty, "\(report.errors)")
    }

    /// Saves a case of one person, then runs two commands that stay in the journal, as a
    /// killed session leaves them; the notebook that wrote them (still open).
    @discardableResult
    func leaveAJournal() throws -> Notebook {
        let first = try notebook()
        try run(first, "add person \"Nurali Aitelenov\" handle=@extremkz\nsave")
        try run(first, "add person \"Rinat Kibraev\"\ntag aitelenov detained")
        return first
    }
}
