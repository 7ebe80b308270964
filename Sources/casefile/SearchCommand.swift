import ArgumentParser
import CasefileCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `casefile search FILE QUERY...`: one-shot search of a case file.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: ShellDeclaration.summary(of: "search"),
        discussion: ShellDeclaration.help(of: "search") + """


            One line per hit, best first: kind, Id, language, original (←) or translations (→), \
            and a snippet with the matched words marked. The count goes to standard error.

            Exit status (as grep): 0 something found, 1 nothing found, 2 a bad query, \
            a file that cannot be read, or misuse of the command line.
            """
    )

    /// How the file is searched; both give the same output (a test checks).
    enum Method: String, ExpressibleByArgument, CaseIterable {
        /// The index on several cores (its build runs in parallel), the scan on one.
        case auto
        /// Build the search index, then query it.
        case index
        /// Walk every entry once, analysing only what the query needs.
        case scan
    }

    /// How matched words are marked.
    enum Highlight: String, ExpressibleByArgument, CaseIterable {
        case auto, color, brackets, none
    }

    // --limit and --exact are the shell command's: spellings, help, default and messages.
    @Option(name: ShellDeclaration.names("--limit", of: "search", longOnly: true), help: ShellDeclaration.argumentHelp("--limit", of: "search"))
    var limit: String?

    @Flag(name: ShellDeclaration.names("--exact", of: "search"), help: ShellDeclaration.argumentHelp("--exact", of: "search"))
    var exact = false

    @Option(help: "Mark matched words: auto (colour on a terminal, nothing otherwise), color, brackets, none.")
    var highlight: Highlight = .auto

    @Option(help: "Line width (default: the terminal's, else $COLUMNS, else 120).")
    var width: Int?

    @Option(help: "How to search: auto (build the index on a machine with several cores, else scan), index, scan. The results are the same.")
    var method: Method = .auto

    @Flag(help: "Before using the saved search index (.FILE.index), check it against the case's SHA-256, and say on standard error whether it was used or rebuilt.")
    var verifyIndex = false

    @Argument(help: "The case file.", completion: .file(extensions: ["rec"]))
    var file: String

    @Argument(parsing: .allUnrecognized, help: "The query (see above); words starting with '-' exclude.")
    var query: [String] = []

    func validate() throws {
        _ = try ShellDeclaration.number(limit, flag: "--limit", of: "search")
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
        if query.allSatisfy({ $0 == "--" }) { throw ValidationError("give a query after the file, e.g. casefile search \(file) esimov") }
    }

    func run() throws {
        var words = query
        if let terminator = words.firstIndex(of: "--") { words.remove(at: terminator) }  // `--` ends options
        let text = words.joined(separator: " ")
        let parsed: SearchQuery
        do {
            parsed = try SearchQuery.parse(text)
        } catch {
            FileHandleOutput.standardError.write(ErrorRenderer.render(error.located(inQuery: text), file: nil, source: text) + "\n")
            throw ExitStatus.trouble.exit
        }
        let identity = SearchIndexFile.CaseIdentity(path: file)
        let caseFile: CaseFile
        do {
            caseFile = try CaseReader.load(path: file).caseFile
        } catch let error as LoadError {
            FileHandleOutput.standardError.write(Terminal.visible(error.description) + "\n")
            throw ExitStatus.of(error, oneMeansNo: true).exit
        }
        let shown = (try? ShellDeclaration.number(limit, flag: "--limit", of: "search"))
            ?? ShellDeclaration.defaultNumber("--limit", of: "search")
        let limit = shown == 0 ? nil : shown
        let useIndex = method == .index || (method == .auto && ProcessInfo.processInfo.activeProcessorCount > 1)
        // The saved index fits only the bytes just read: the file must not have changed meanwhile.
        let readAsIs = identity.flatMap { $0 == SearchIndexFile.CaseIdentity(path: file) ? $0 : nil }
        var builtIndex: SearchIndex?
        let results: SearchResults
        if useIndex {
            let environment = ProcessInfo.processInfo.environment
            let saved = readAsIs.map {
                SearchIndexFile.load(for: file, caseFile: caseFile, identity: $0, environment: environment, verifyContent: verifyIndex)
            }
            if verifyIndex {
                let verdict = saved?.index != nil ? saved?.reason ?? "" : "rebuilt (\(saved?.reason ?? "the file is not a regular file"))"
                FileHandleOutput.standardError.write("index: " + Terminal.visible(verdict) + "\n")
            }
            let index = saved?.index ?? SearchIndex(caseFile: caseFile)
            if saved?.index == nil { builtIndex = index }
            results = index.search(parsed, in: caseFile, limit: limit, exact: exact)
        } else {
            results = SearchScan.search(parsed, in: caseFile, limit: limit, exact: exact)
        }
        let mark = marker()
        var output = ""
        for line in results.lines(width: lineWidth(), highlight: mark) { output += line + "\n" }
        FileHandleOutput(fd: 1).write(output)
        FileHandleOutput.standardError.write(results.summary + "\n")
        // Saved after the results are out, for the next search of the same bytes (a cache:
        // a folder and a cache nobody may write just mean the next search builds it too).
        if let builtIndex, let readAsIs {
            try? SearchIndexFile.save(builtIndex, for: file, identity: readAsIs, environment: ProcessInfo.processInfo.environment)
        }
        // Exit without freeing a possibly huge model: the process ends anyway.
        OutputFailures.exit(results.total > 0 ? 0 : 1)
    }

    private func marker() -> (String) -> String {
        var mode = highlight
        if mode == .auto {
            let term = getenv("TERM").map { String(cString: $0) } ?? "dumb"
            let colour = isatty(1) == 1 && getenv("NO_COLOR") == nil && term != "dumb"
            mode = colour ? .color : .none
        }
        switch mode {
        case .color: return Terminal.highlighted
        case .brackets: return { "[" + $0 + "]" }
        default: return { $0 }
        }
    }

    private func lineWidth() -> Int {
        if let width { return width }
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        if let columns = getenv("COLUMNS"), let value = Int(String(cString: columns)), value >= 20 { return value }
        return 120
    }
}
