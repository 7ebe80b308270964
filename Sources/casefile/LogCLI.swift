import ArgumentParser
import CasefileCore
import Foundation

/// `casefile log FILE`: the revisions recorded in a case file.
struct LogCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: ShellDeclaration.summary(of: "log"),
        discussion: "Only the header and the Session records are read, so this is quick on large files."
    )

    // -v and -n are the shell command's: spellings, help and messages.
    @Flag(name: ShellDeclaration.names("-v", of: "log"), help: ShellDeclaration.argumentHelp("-v", of: "log"))
    var verbose = false

    @Option(name: ShellDeclaration.names("-n", of: "log"), help: ShellDeclaration.argumentHelp("-n", of: "log"))
    var limit: String?

    @Option(help: "text or json.")
    var format: DiffCLI.Format = .text

    @Argument(help: "The case file.", completion: .file(extensions: ["rec"]))
    var file: String

    func validate() throws {
        _ = try ShellDeclaration.number(limit, flag: "-n", of: "log")
    }

    func run() throws {
        let output = StandardOutput(environment: ProcessInfo.processInfo.environment)
        defer { output.flush() }
        let caseFile: CaseFile
        let chain: ChainCheck
        do {
            let input = try CaseInput(path: file)
            (caseFile, chain) = try input.withBytes { bytes throws(LoadError) in try ChainCheck.ofFile(bytes, name: input.name) }
        } catch let error as LoadError {
            output.diagnostic(Terminal.visible(error.description))
            throw ExitStatus.of(error).exit
        } catch let error as StorageError {
            output.diagnostic("casefile: \(Terminal.visible(error.description))")
            throw ExitStatus.trouble.exit
        } catch {
            output.diagnostic("casefile: \(Terminal.visible(String(describing: error)))")
            throw ExitStatus.trouble.exit
        }
        let shown = try? ShellDeclaration.number(limit, flag: "-n", of: "log")
        var log = SessionLog(sessions: caseFile.sessions, verbose: verbose, limit: shown ?? nil)
        log.outsideEdits = chain.editsOutside
        if format == .json {
            output.line(log.json().rendered)
            return
        }
        if caseFile.sessions.isEmpty {
            output.line("\(Terminal.fileName(file)): no revisions recorded (never saved by casefile)")
            return
        }
        for line in log.lines() { output.line(line) }
    }
}
