import ArgumentParser
import CasefileCore
#if canImport(Glibc)
import Glibc
#endif

/// `casefile [FILE]`: the shell on a case file (until the shell lands: a summary).
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the shell on FILE (a new case if FILE does not exist yet).",
        shouldDisplay: false
    )

    @Argument(help: "The case file.", completion: .file(extensions: ["rec"]))
    var file: String?

    func run() throws {
        guard let file else { throw CleanExit.helpRequest(CasefileCLI.self) }
        if isatty(0) == 0 {
            let status = ScriptReplay(file: file, scripts: ["-"]).run()
            if status != 0 { throw ExitCode(status) }
            return
        }
        try CheckCommand.parse([file]).run()
    }
}
