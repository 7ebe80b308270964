import ArgumentParser
import CasefileCore

/// `casefile check FILE...`: validates case files and prints file:line:col diagnostics.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate case files: syntax, mandatory fields, unique Ids, references, dates, languages.",
        discussion: "Diagnostics go to standard error as FILE:LINE:COL: error: message. Exit 1 on any error."
    )

    @Argument(help: "The case files to check.", completion: .file(extensions: ["rec"]))
    var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            do {
                let result = try CaseReader.load(path: file, validate: true)
                defer { ExitWithoutTeardown.keep(result) }
                for diagnostic in result.diagnostics {
                    FileHandleOutput.standardError.write(Terminal.visible(diagnostic.description) + "\n")
                }
                let count = result.caseFile.count
                if result.diagnostics.isEmpty {
                    print("\(Terminal.visible(file)): ok, \(Plural.count(count, "entry, link or note", "entries, links and notes"))")
                } else {
                    failed = true
                    let problems = result.diagnostics.count
                    FileHandleOutput.standardError.write(
                        "\(Terminal.visible(file)): \(Plural.count(problems, "problem"))\n")
                }
            } catch let error as LoadError {
                failed = true
                FileHandleOutput.standardError.write(LoadErrorReport.text(of: error, file: file))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
