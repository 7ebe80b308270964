import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

/// The repository's folder, found from this file's place in it.
private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

@Suite("The example dossier")
struct RunExampleTests {
    static let example = repository.appendingPathComponent("Examples/kazakh-bloggers/kazakh-bloggers.rec").path
    static let script = repository.appendingPathComponent("Examples/kazakh-bloggers/build.cf").path
    static let environment: [String: String?] = ["SOURCE_DATE_EPOCH": "1764072000", "CASEFILE_USER": "casefile example"]

    @Test("replaying build.cf reproduces kazakh-bloggers.rec byte for byte")
    func reproduces() throws {
        let folder = try TemporaryFolder()
        let run = try CasefileProcess.run(["run", folder.file("k.rec"), Self.script], environment: Self.environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        let built = try Data(contentsOf: URL(fileURLWithPath: folder.file("k.rec")))
        let expected = try Data(contentsOf: URL(fileURLWithPath: Self.example))
        #expect(built == expected, "build.cf no longer reproduces the example: cmp \(folder.file("k.rec")) \(Self.example)")
    }

    @Test("the same script on standard input (casefile FILE < build.cf) gives the same bytes")
    func reproducesFromStandardInput() throws {
        let folder = try TemporaryFolder()
        let run = try CasefileProcess.run([folder.file("k.rec")], stdin: try String(contentsOfFile: Self.script, encoding: .utf8),
                                          environment: Self.environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file("k.rec"))) == Data(contentsOf: URL(fileURLWithPath: Self.example)))
    }

    @Test("the example's session log, replayed from an empty case, rebuilds its entries")
    func sessionLogRebuildsExample() throws {
        let example = try CaseReader.load(path: Self.example).caseFile
        let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "casefile example", fixedTime: 1_764_072_000))
        for session in example.sessions {
            for field in session.fields where field.name == "Command" { try notebook.replayLogged(field.value) }
        }
        #expect(notebook.caseFile.entries == example.entries)
        #expect(notebook.caseFile.links == example.links)
        #expect(notebook.caseFile.notes == example.notes)
    }
}
