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

    @Flag(help: "Also name translations that spell a person otherwise than the case's Spelling for that language.")
    var names = false

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
                let spellings = names ? GlossaryCheck.check(result.caseFile) : []
                for finding in spellings {
                    FileHandleOutput.standardError.write(Terminal.visible("\(file): warning: \(finding)") + "\n")
                }
                if !spellings.isEmpty { failed = true }
                if result.diagnostics.isEmpty {
                    print("\(Terminal.visible(file)): ok, \(count) entries, links and notes")
                } else {
                    failed = true
                    let problems = result.diagnostics.count
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
