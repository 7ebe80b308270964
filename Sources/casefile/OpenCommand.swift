import ArgumentParser
import CasefileCore

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
        try CheckCommand.parse([file]).run()
    }
}
