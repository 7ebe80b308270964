import ArgumentParser
import CasefileCore
import Foundation

/// `casefile diff OLD NEW`: two case files compared as entries, fields and links.
struct DiffCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two case files as entries: added, removed, changed field by field, renamed; links and notes.",
        discussion: """
            Exit status, as diff(1): 0 the cases are the same, 1 they differ, 2 misuse or an \
            unreadable file. Files that differ only in layout (blank lines, record order) \
            are the same case; a comment is part of the file, so a comment added, removed \
            or changed anywhere (at the top too) is a difference. `-` reads a file from standard input. Colour only on a \
            terminal, and never with NO_COLOR.

            FILE@N stands for revision N of FILE, rebuilt in memory from its session log \
            (`casefile diff case.rec@3 case.rec@5`, `casefile diff case.rec@3 case.rec`). \
            When NEW descends from OLD, the changes its sessions do not explain are listed \
            under "changed outside casefile"; --by-session groups the changes by the \
            session (revision, who, when, message) that made them.

            For git (see the README): with `*.rec diff=casefile` in .gitattributes and \
            `git config diff.casefile.command 'casefile diff --git-external'`, git diff \
            shows case files entry by entry. --git-external takes the seven arguments git \
            passes (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE) and exits 0 \
            when it could compare, because git stops at an external diff that exits 1.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    // --stat is the shell command's: spelling and help.
    @Flag(name: ShellDeclaration.names("--stat", of: "diff"), help: ShellDeclaration.argumentHelp("--stat", of: "diff"))
    var stat = false

    @Option(help: "text (for people) or json (for tools).")
    var format: Format = .text

    @Flag(help: "Take the seven arguments of a git external diff driver.")
    var gitExternal = false

    @Flag(help: "Print ONE file as one line per field, each naming its record (for git's textconv).")
    var textconv = false

    @Flag(help: "Group the changes by the session that made them (revision, who, when, message).")
    var bySession = false

    @Argument(help: "OLD and NEW case files (seven arguments with --git-external).",
              completion: .file(extensions: ["rec"]))
    var files: [String] = []

    func validate() throws {
        if textconv {
            guard files.count == 1 else { throw ValidationError("--textconv takes one case file (got \(files.count))") }
        } else if gitExternal {
            guard [1, 7, 9].contains(files.count) else {
                throw ValidationError("--git-external takes the 7 arguments git gives an external diff (got \(files.count))")
            }
        } else if files.count != 2 {
            throw ValidationError("casefile diff takes two case files, OLD and NEW (got \(files.count))")
        } else if files.allSatisfy({ Self.standardInputNames.contains($0) }) {
            throw ValidationError("casefile diff \(files[0]) \(files[1]) reads standard input twice: give one of the two as a file")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let output = StandardOutput(environment: environment)
        defer { output.flush() }
        if textconv {
            try printLines(files[0], output)
            return
        }
        if gitExternal && files.count == 1 {
            // git passes only the path of a file with merge conflicts.
            output.line("* Unmerged path \(Terminal.visible(files[0], keepNewlines: false))")
            return
        }
        let oldPath = gitExternal ? files[1] : files[0]
        let newPath = gitExternal ? files[4] : files[1]
        let diff: CaseDiff
        var descent: SaveDescent?
        var attribution: SessionAttribution?
        var newChain: ChainCheck?
        do {
            let (old, new) = gitExternal ? (try CaseInput(path: oldPath), try CaseInput(path: newPath)) : try Self.open(oldPath, newPath)
            // git hands an added or deleted file over as /dev/null (or an empty blob); a
            // person naming an empty file most likely named the wrong one.
            if !gitExternal {
                for (path, input) in [(oldPath, old), (newPath, new)] where path != "/dev/null" && input.byteCount == 0 {
                    output.diagnostic("casefile diff: \(Terminal.fileName(input.name)) is empty: not a case file")
                    output.diagnostic("hint: give a saved case (/dev/null stands for no case at all)")
                    throw ExitStatus.trouble.exit
                }
            }
            let comparison = try FileComparison.compare(old, new)
            diff = comparison.diff
            if !diff.isEmpty {
                let older = try old.withBytes { bytes throws(LoadError) in try ChainCheck.ofFile(bytes, name: old.name) }
                let newer = try new.withBytes { bytes throws(LoadError) in try ChainCheck.ofFile(bytes, name: new.name) }
                let found = SaveDescent(old: older.sessions.sessions, oldChain: older.chain, oldName: old.name,
                                        new: newer.sessions.sessions, newChain: newer.chain, newName: new.name)
                descent = found
                newChain = newer.chain
                if bySession || Self.explains(found, older.sessions, newer.sessions) {
                    attribution = try Self.attribute(old, new, comparison: comparison)
                }
            }
        } catch let error as LoadError {
            output.diagnostic(Terminal.visible(error.description))
            output.diagnostic("casefile diff: cannot compare: fix the file (casefile check shows every problem)")
            throw ExitStatus.of(error, oneMeansNo: true).exit
        } catch let error as ExitCode {
            throw error
        } catch {
            output.diagnostic("casefile: \(Terminal.visible(String(describing: error)))")
            throw ExitStatus.trouble.exit
        }
        let oldName = gitExternal ? "a/" + files[0] : oldPath
        // A rename or copy adds the new path and git's note on it (nine arguments).
        let newName = gitExternal ? "b/" + (files.count == 9 ? files[7] : files[0]) : newPath
        switch format {
        case .json:
            output.line(diff.json(old: oldName, new: newName).rendered)
        case .text:
            if gitExternal {
                output.line(Terminal.visible("casefile diff \(oldName) \(newName)", keepNewlines: false))
                if diff.isEmpty { output.line("(no difference in entries, links, notes or sessions)") }
            }
            let renderer = DiffRenderer(colour: output.usesColour)
            if bySession, !stat, let attribution {
                for line in renderer.bySession(attribution, chain: newChain) { output.line(line) }
            } else {
                for line in stat ? renderer.stat(diff) : renderer.lines(diff) { output.line(line) }
                if !stat, let attribution {
                    let section = renderer.unexplainedSection(attribution, chain: newChain)
                    if !section.isEmpty { output.line("") }
                    for line in section { output.line(line) }
                }
            }
            if let descent, !stat, descent.revisions.old + descent.revisions.new > 0 {
                output.line("")
                output.line(Terminal.visible("history: " + descent.description, keepNewlines: false))
            }
        }
        if gitExternal { return }
        if !diff.isEmpty { throw ExitStatus.no.exit }
    }

    /// The names under which a file argument is standard input.
    static let standardInputNames: Set<String> = ["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]

    /// `--textconv`: the case one field per line.
    private func printLines(_ path: String, _ output: StandardOutput) throws {
        do {
            let input = try CaseInput(path: path)
            let caseFile = try input.withBytes { bytes in try CaseReader.read(bytes: bytes, file: input.name, validate: false) }
            for line in CaseLines.lines(caseFile.caseFile) { output.line(Terminal.visible(line, keepNewlines: false)) }
        } catch {
            output.diagnostic("casefile diff --textconv: \(Terminal.visible(String(describing: error)))")
            throw ExitStatus.trouble.exit
        }
    }
}
