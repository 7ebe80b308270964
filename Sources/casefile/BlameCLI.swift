import ArgumentParser
import CasefileCore
import Foundation

/// `casefile blame CASE ID`: who last changed each field, link and note of an entry.
struct BlameCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blame",
        abstract: ShellDeclaration.summary(of: "blame"),
        discussion: """
            The session log is replayed from an empty case, noting which session changed \
            each field; a value the log does not make is marked as changed outside \
            casefile. ID may be a handle (@extremkz).
            """
    )

    @Argument(help: "The case file.", completion: .file(extensions: ["rec"]))
    var file: String

    @Argument(help: "The entry's Id (or a person's handle).")
    var id: String

    func run() throws {
        let output = StandardOutput(environment: ProcessInfo.processInfo.environment)
        defer { output.flush() }
        let loaded: CaseFile
        do {
            loaded = try CaseReader.load(path: file).caseFile
        } catch let error as LoadError {
            output.diagnostic(Terminal.visible(error.description))
            throw ExitStatus.of(error).exit
        }
        let notebook = Notebook(caseFile: loaded, output: BufferOutput(), settings: Settings(userName: ""))
        let entry: Entry
        do {
            entry = try notebook.resolve(Word(id))
        } catch {
            output.diagnostic("casefile blame: \(Terminal.visible(error.message))" + (error.hint.map { "\n  hint: " + Terminal.visible($0) } ?? ""))
            throw ExitStatus.no.exit
        }
        for line in Blame(entry, in: loaded).rendered() { output.line(line) }
    }
}
