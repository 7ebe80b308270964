import ArgumentParser
import CasefileCore

/// `casefile import CASE FORMAT FILE…`: the shell's `import`, then a save, as `casefile run` does.
struct ImportCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import posts from twarc, an X archive, a Telegram export or an article, or translations from TMX or XLIFF, into CASE, then save it.",
        discussion: """
            FORMAT is twarc, x-archive, telegram, article, tmx, xliff or auto. Prints what was added \
            (+120 post, +14 person, …). A file with a bad record imports nothing and exits 1; \
            --keep-going imports the rest, saves, and exits 1 when it skipped any. A file that \
            cannot be read (missing, a symbolic link, a FIFO) exits 2. --dry-run says what \
            would change and saves nothing.
            """
    )

    @Argument(help: "The case file (a new case if it does not exist yet).", completion: .file(extensions: ["rec"]))
    var file: String

    @Argument(help: "twarc, x-archive, telegram, article, tmx, xliff or auto.")
    var format: String

    @Argument(help: "The files to import (an X archive: its folder or zip).", completion: .file())
    var inputs: [String]

    @Flag(help: "Import the readable records of a file with bad ones, and list the rest.")
    var keepGoing = false

    @Flag(help: "Say what would change; save nothing.")
    var dryRun = false

    @Option(help: "The Source's title (articles).")
    var title: String?

    @Option(help: "The Source's URL (articles).")
    var url: String?

    @Option(help: "Who translated (articles; for tmx and xliff, where the file names nobody).")
    var by: String?

    @Option(help: "The translations' status: draft, reviewed or final.")
    var status: String?

    @Option(name: .shortAndLong, help: "The message of the session record written by the save.")
    var message: String?

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("which file? casefile import CASE FORMAT FILE…") }
    }

    func run() throws {
        var line = ["import", Quoting.word(format)] + inputs.map(Quoting.word)
        for (key, value) in [("title", title), ("url", url), ("by", by), ("status", status)] {
            if let value { line.append("\(key)=" + Quoting.word(value)) }
        }
        if keepGoing { line.append("--keep-going") }
        if dryRun { line.append("--dry-run") }
        // A file that cannot be read at all, or a format that does not exist, is trouble
        // (2), not bad data (1); the replay still says what and where, in the one renderer.
        let trouble = inputs.contains { ImportInput.problem(at: $0) != nil }
            || (format != "auto" && ImportFormat(rawValue: format.lowercased()) == nil)
        let status = ScriptReplay(file: file, scripts: [], verbose: false, message: message,
                                  commands: line.joined(separator: " ")).run()
        if status != 0 { throw ExitCode(status == 1 && trouble ? ExitStatus.trouble.rawValue : status) }
    }
}
