import ArgumentParser
import CasefileCore
#if canImport(Glibc)
import Glibc
#endif

/// The `casefile` command line.
struct CasefileCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casefile",
        abstract: "A notebook for documenting cases of online speech, saved as a GNU recutils recfile.",
        discussion: """
            Exit status: 0 success, 1 errors in the data or script, 2 misuse of the command line.
            SOURCE_DATE_EPOCH, when set, fixes every timestamp written.
            """,
        version: CasefileVersion.current,
        subcommands: [OpenCommand.self, CheckCommand.self, FormatCommand.self, SearchCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    /// Parses the arguments, runs the command, and exits with casefile's exit statuses.
    static func run() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Glibc.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
            } else {
                FileHandleOutput.standardError.write(message + "\n")
            }
            Glibc.exit(code == .success ? 0 : (code == .validationFailure ? 2 : code.rawValue))
        }
    }
}

/// The version printed by `--version`.
enum CasefileVersion {
    static let current = "0.1.0 (format \(CaseHeader.currentFormat))"
}
