import ArgumentParser
import CasefileCore

/// `casefile check FILE...`: validates case files and prints file:line:col diagnostics.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate case files: syntax, unique Ids, references, dates, languages, and every rule the descriptors declare.",
        discussion: "Diagnostics go to standard error as FILE:LINE:COL: error: message. Exit 1 on any problem, 2 when a file cannot be read."
    )

    @Argument(help: "The case files to check.", completion: .file(extensions: ["rec"]))
    var files: [String]

    @Flag(help: "Also name translations that spell a person otherwise than the case's Spelling for that language.")
    var names = false

    func run() throws {
        var failed = false
        var status: Int32 = 0
        for file in files {
            do {
                let result = try CaseReader.load(path: file, validate: true)
                defer { ExitWithoutTeardown.keep(result) }
                for diagnostic in result.diagnostics {
                    FileHandleOutput.standardError.write(Terminal.visible(diagnostic.description) + "\n")
                }
                let count = result.caseFile.count
                // A stream (`/dev/stdin`, `<(…)`) was read whole; it is never written to.
                let stream = SafeOpen.handedDescriptor(file) != nil ? " (read from a stream; nothing is written back)" : ""
                let problems = result.diagnostics.reduce(0) { $0 + ($1.severity == .error ? $1.counts : 0) }
                let warnings = result.diagnostics.reduce(0) { $0 + ($1.severity == .error ? 0 : $1.counts) }
                let spellings = names ? GlossaryCheck.check(result.caseFile) : []
                for finding in spellings {
                    FileHandleOutput.standardError.write(Terminal.visible("\(file): warning: \(finding)") + "\n")
                }
                if problems == 0 && !spellings.isEmpty {
                    failed = true
                    FileHandleOutput.standardError.write("\(Terminal.fileName(file)): \(spellings.count) name"
                        + (spellings.count == 1 ? " spelt" : "s spelt") + " otherwise than the case's glossary\n")
                } else if problems == 0 {
                    let noted = warnings == 0 ? "" : " (\(Plural.count(warnings, "warning")))"
                    print("\(Terminal.fileName(file)): ok, \(Plural.count(count, "entry, link or note", "entries, links and notes"))\(noted)" + stream)
                    let evidence = result.caseFile.count(of: .evidence)
                    if evidence > 0 {
                        print("  \(Plural.count(evidence, "evidence file")) present; their hashes are not checked here: casefile verify \(Terminal.fileName(file))")
                    }
                } else {
                    failed = true
                    FileHandleOutput.standardError.write(
                        "\(Terminal.fileName(file)): \(Plural.count(problems, "problem"))\n")
                }
            } catch let error as LoadError {
                status = max(status, ExitStatus.of(error).rawValue)
                FileHandleOutput.standardError.write(LoadErrorReport.text(of: error, file: file))
            }
        }
        if failed { status = max(status, ExitStatus.no.rawValue) }
        if status != 0 { throw ExitCode(status) }
    }
}
