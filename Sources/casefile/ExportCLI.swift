import ArgumentParser
import CasefileCore
#if canImport(Glibc)
import Glibc
#endif

/// `casefile export CASE FORMAT [-o FILE] [QUERY…]`: the case in another program's format.
struct ExportCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a case (or a selection of it): html, markdown, dot, tmx, ftm, csv, json.",
        discussion: """
            Writes to standard output unless -o names a file (csv without --kind: a folder, \
            one table per kind). A search query after the format narrows the export \
            (kind:post author:@extremkz, lang:ru status:final); --entries ID... adds entries \
            by Id or @handle. Translations travel with their originals; the authors, sources, \
            links and notes of what is chosen come along.

              casefile export k.rec html -o k.html
              casefile export k.rec dot | dot -Tsvg > net.svg
              casefile export k.rec tmx lang:ru status:final -o k.tmx
              casefile export k.rec csv -o tables/

            Exit status: 0 written, 1 the case cannot be read or the output cannot be written, \
            2 misuse of the command line.
            """
    )

    @Option(name: [.customShort("o"), .customLong("out")], help: "The file to write (csv: the folder), instead of standard output.")
    var out: String?

    @Option(parsing: .upToNextOption, help: "Entries to export (Ids or @handles), with what they need.")
    var entries: [String] = []

    @Option(help: "For csv: the one table to write (person, post, quote, translation, source, link, note).")
    var kind: String?

    @Option(help: "For html: how the network picture is laid out: auto (Graphviz if installed), dot, builtin.")
    var layout: String?

    @Argument(help: "The case file.", completion: .file(extensions: ["rec"]))
    var file: String

    @Argument(help: "html, markdown, dot, tmx, ftm, csv or json.")
    var format: String

    @Argument(parsing: .allUnrecognized, help: "A search query that narrows the export.")
    var query: [String] = []

    func validate() throws {
        guard let parsed = ExportFormat(word: format) else {
            throw ValidationError("unknown format '\(format)': use one of " + ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let kind {
            guard parsed == .csv else { throw ValidationError("--kind is for csv") }
            guard let value = Kind(word: kind), CSVExport.kinds.contains(value) else {
                throw ValidationError("--kind takes " + CSVExport.kinds.map(\.word).joined(separator: ", "))
            }
        }
        if let layout, NetworkLayout.Choice(rawValue: layout.lowercased()) == nil {
            throw ValidationError("--layout takes auto, dot or builtin")
        }
        if parsed == .csv && kind == nil && out == nil {
            throw ValidationError("csv writes one table per kind: give a folder with -o, or one table with --kind KIND")
        }
    }

    func run() throws {
        guard let format = ExportFormat(word: format) else { throw ExitCode(2) }
        var options = ExportOptions(kind: kind.flatMap { Kind(word: $0) })
        if let layout, let choice = NetworkLayout.Choice(rawValue: layout.lowercased()) { options.layout = choice }
        let loaded: LoadResult
        do {
            loaded = try CaseReader.load(path: file)
        } catch let error as LoadError {
            FileHandleOutput.standardError.write(LoadErrorReport.text(of: error, file: file))
            throw ExitCode(1)
        }
        ExitWithoutTeardown.keep(loaded)
        let notebook = Notebook(caseFile: loaded.caseFile, path: file, output: StandardOutput(environment: [:]),
                                settings: Settings(userName: "casefile"))
        var words = query
        if let terminator = words.firstIndex(of: "--") { words.remove(at: terminator) }
        var source = "--entries"
        var entryWords: [Word] = []
        for entry in entries {
            source += " "
            entryWords.append(Word(entry, column: source.count + 1, isQuoted: true))
            source += entry
        }
        let set: ExportSet
        do {
            set = try notebook.exportSet(query: words.map { Word($0) }, entries: entryWords)
        } catch {
            FileHandleOutput.standardError.write("casefile export: " + ErrorRenderer.render(error, file: nil, source: source) + "\n")
            throw ExitCode(error.rendered == nil ? 1 : 2)
        }
        do {
            if let out {
                let result = try Exporter.write(format, set, options: options, toPath: out)
                for warning in result.warnings { FileHandleOutput.standardError.write("casefile: \(Terminal.visible(warning))\n") }
                FileHandleOutput.standardError.write(Terminal.visible(ExportSummary.text(of: result, format: format, set: set)) + "\n")
            } else {
                let stream = ExportStream(fd: 1)
                let warnings = try Exporter.write(format, set, options: options, to: stream)
                let failure = stream.flush()
                for warning in warnings { FileHandleOutput.standardError.write("casefile: \(Terminal.visible(warning))\n") }
                if failure != 0 {
                    FileHandleOutput.standardError.write("casefile: cannot write to standard output: \(String(cString: strerror(failure)))\n")
                    throw ExitCode(1)
                }
            }
        } catch let error as ExportError {
            FileHandleOutput.standardError.write("casefile: \(Terminal.visible(error.description))\n  hint: \(error.hint)\n")
            throw ExitCode(1)
        }
    }
}
