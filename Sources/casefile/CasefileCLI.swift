import ArgumentParser
import CasefileCore
import CasefileShell
#if canImport(Glibc)
import Glibc
#endif

/// The `casefile` command line.
struct CasefileCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casefile",
        abstract: "A notebook for documenting cases of online speech, saved as a GNU recutils recfile.",
        usage: """
            casefile [FILE] [--no-config] [--no-pager]
              casefile FILE < SCRIPT
              casefile <subcommand> ...
            """,
        discussion: """
            casefile FILE opens the shell on FILE (a new case if it does not exist yet); with a script on \
            standard input it replays the script instead, as casefile run FILE - does.

            Exit status: 0 done; 1 the answer is no (check found problems, search found nothing, \
            diff found differences, merge conflicts) or a script failed; 2 misuse of the command \
            line, or a file that cannot be read or is not a case file. \
            SOURCE_DATE_EPOCH, when set, fixes every timestamp written.
            """,
        version: "\(CasefileVersion.text) (file format \(CaseHeader.currentFormat))",
        subcommands: [OpenCommand.self, RunCommand.self, CheckCommand.self, FormatCommand.self, ReferenceCommand.self,
                      SearchCommand.self, DiffCLI.self, LogCLI.self, RevisionCLI.self, MergeCLI.self,
                      ImportCLI.self, ExportCLI.self, VerifyCLI.self, BundleCLI.self, GcCLI.self,
                      BlameCLI.self],
        defaultSubcommand: OpenCommand.self
    )

    /// Parses the arguments, runs the command, and exits with casefile's exit statuses.
    static func run() {
        OutputFailures.install()
        do {
            var command = try parseAsRoot()
            try command.run()
            OutputFailures.exit(0)
        } catch let exit as ExitCode {
            OutputFailures.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            // Argument errors echo what was typed (a file name, an option): escape it.
            let message = Terminal.visible(fullMessage(for: error))
            if code == .success {
                print(message)
            } else {
                FileHandleOutput.standardError.write(message + "\n")
            }
            OutputFailures.exit(code == .success ? 0 : (code == .validationFailure ? 2 : code.rawValue))
        }
    }
}

