import ArgumentParser
import CasefileCore
import CasefileShell
import Foundation

/// `casefile [FILE]`: the shell on a case file; with stdin not a terminal, a replay of it.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the shell on FILE (a new case if FILE does not exist yet).",
        usage: "casefile [FILE] [--no-config] [--no-pager]",
        discussion: "When standard input is not a terminal, its commands are replayed as by `casefile run FILE -`.",
        shouldDisplay: false
    )

    @Argument(help: "The case file.", completion: .file(extensions: ["rec"]))
    var file: String?

    @Flag(help: "Ignore the config file (~/.config/casefile/config).")
    var noConfig = false

    @Flag(help: "Never send long output through the pager.")
    var noPager = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        if isatty(0) == 0 {
            guard let file else {
                throw ValidationError("give a case file to replay standard input into: casefile FILE < script")
            }
            let status = ScriptReplay(file: file, scripts: ["-"]).run()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let options = ShellLauncher.Options(ignoresConfig: noConfig || environment["CASEFILE_NO_CONFIG"] != nil,
                                            noPager: noPager)
        let status = ShellLauncher.run(path: file, options: options, environment: environment)
        if status != 0 { throw ExitCode(status) }
    }
}
