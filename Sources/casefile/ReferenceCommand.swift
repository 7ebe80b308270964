import ArgumentParser
import CasefileCore

/// `casefile reference`: the shell's command reference as Markdown (kept in the README).
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Print the shell's command reference as Markdown.",
        shouldDisplay: false
    )

    func run() throws {
        print(HelpText.markdownReference(.standard), terminator: "")
    }
}
