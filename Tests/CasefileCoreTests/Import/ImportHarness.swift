import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// A notebook on a case in a temporary folder, running commands as a script does and
/// keeping what they printed.
final class ImportHarness {
    let folder: TemporaryFolder
    let output = BufferOutput()
    let notebook: Notebook
    let path: String

    init(caseFile: CaseFile = CaseFile()) throws {
        folder = try TemporaryFolder()
        path = folder.file("case.rec")
        notebook = Notebook(caseFile: caseFile, path: nil, output: output,
                            settings: Settings(userName: "tester", fixedTime: TranscriptSession.fixedTime))
        notebook.journaling = false
    }

    /// Runs `script`; returns the errors (rendered) and what was printed.
    @discardableResult
    func run(_ script: String) -> (errors: [String], text: String) {
        output.reset()
        let report = notebook.runScript(script, name: "test")
        return (report.errors, output.text + output.diagnostics)
    }

    /// Runs `script` and records an issue if it fails; returns what was printed.
    @discardableResult
    func expectSuccess(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let result = run(script)
        #expect(result.errors.isEmpty, "\(result.errors.joined(separator: "\n"))", sourceLocation: sourceLocation)
        return result.text
    }

    /// Saves the case to `path` and returns its text.
    func save() throws -> String {
        expectSuccess("save --as \(path)")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The entries of `kind`.
    func entries(_ kind: Kind) -> [Entry] {
        notebook.caseFile.orderedIds(of: kind).compactMap { notebook.caseFile.entries[$0] }
    }

    /// The fixture `name` under `../shared/fixtures/twarc`, or nil when absent (with a note).
    static func twarc(_ name: String) throws -> String? { try SharedFixtures.path("fixtures/twarc/" + name) }
}
