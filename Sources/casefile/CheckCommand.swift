import ArgumentParser
import CasefileCore

/// `casefile check FILE...`: validates case files and prints file:line:col diagnostics.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate case files: syntax, unique Ids, references, dates, languages, and every rule the descriptors declare.",
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
                let problems = result.diagnostics.filter { $0.severity == .error }.count
                let warnings = result.diagnostics.count - problems
                if problems == 0 {
                    let noted = warnings == 0 ? "" : " (\(warnings) warning\(warnings == 1 ? "" : "s"))"
                    print("\(Terminal.visible(file)): ok, \(count) entries, links and notes\(noted)")
                } else {
                    failed = true
                    FileHandleOutput.standardError.write(
                        "\(Terminal.visible(file)): \(problems) problem\(problems == 1 ? "" : "s")\n")
                }
            } catch let error as LoadError {
                failed = true
                FileHandleOutput.standardError.write(LoadErrorReport.text(of: error, file: file))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
