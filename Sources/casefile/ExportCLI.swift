import ArgumentParser
import CasefileCore
#if canImport(Glibc)
import Glibc
#endif

/// `casefile export CASE FORMAT [-o FILE] [QUERY…]`: the case in another program's format.
struct ExportCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a case (or a selection of it): html, markdown, dot, tmx, xliff, ftm, csv, json.",
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

            Exit status: 0 written; 1 the case has errors, or the output could not be written; \
            2 misuse (a bad query, an unknown entry) or a case file that cannot be read.
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

    @Option(help: "For xliff: the source language (default: the originals' most common one).")
    var from: String?

    @Option(help: "For xliff: the target language (default: the one the translations are in).")
    var to: String?

    @Argument(help: "The case file.", completion: .file(extensions: ["rec"]))
    var file: String

    @Argument(help: "html, markdown, dot, tmx, xliff, ftm, csv or json.")
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
        for lang in [from, to].compactMap({ $0 }) {
            guard parsed == .xliff else { throw ValidationError("--from and --to are for xliff") }
            guard LanguageTag.isValid(lang) else { throw ValidationError("'\(lang)' is not a language tag (ru, kk, en, en-GB)") }
        }
        if let layout, NetworkLayout.Choice(rawValue: layout.lowercased()) == nil {
            throw ValidationError("--layout takes auto, dot or builtin")
        }
        if parsed == .csv && kind == nil && out == nil {
            throw ValidationError("csv writes one table per kind: give a folder with -o, or one table with --kind KIND")
        }
    }

    func run() throws {
        guard let format = ExportFormat(word: format) else { throw ExitStatus.trouble.exit }
        var options = ExportOptions(kind: kind.flatMap { Kind(word: $0) })
        if let layout, let choice = NetworkLayout.Choice(rawValue: layout.lowercased()) { options.layout = choice }
        options.sourceLang = from
        options.targetLang = to
        let loaded: LoadResult
        do {
            loaded = try CaseReader.load(path: file)
        } catch let error as LoadError {
            FileHandleOutput.standardError.write(LoadErrorReport.text(of: error, file: file))
            throw ExitStatus.of(error).exit
        }
        ExitWithoutTeardown.keep(loaded)
        let notebook = Notebook(caseFile: loaded.caseFile, path: file, output: StandardOutput(environment: [:]),
                                settings: Settings(userName: "casefile"))
        var words = query
        if let terminator = words.firstIndex(of: "--") { words.remove(at: terminator) }
        // The query on line 1 and the entries on line 2 of what the renderer shows, so a
        // caret lands under the word at fault.
        var queryLine = ""
        var queryWords: [Word] = []
        for word in words {
            if !queryLine.isEmpty { queryLine += " " }
            queryWords.append(Word(word, line: 1, column: queryLine.count + 1))
            queryLine += word
        }
        var entriesLine = "--entries"
        var entryWords: [Word] = []
        for entry in entries {
            entriesLine += " "
            entryWords.append(Word(entry, line: 2, column: entriesLine.count + 1, isQuoted: true))
            entriesLine += entry
        }
        let set: ExportSet
        do {
            set = try notebook.exportSet(query: queryWords, entries: entryWords)
        } catch {
            FileHandleOutput.standardError.write(ErrorRenderer.render(error, file: nil, source: queryLine + "\n" + entriesLine) + "\n")
            throw ExitStatus.trouble.exit
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
                    throw ExitStatus.no.exit
                }
            }
        } catch let error as ExportError {
            FileHandleOutput.standardError.write("casefile: \(Terminal.visible(error.description))\n  hint: \(error.hint)\n")
            throw ExitStatus.no.exit
        }
        // Values are read from the mapped case file as they are exported: if another program
        // rewrote it meanwhile, what was written may mix the two versions.
        if !loaded.sourceIsIntact {
            let error = StorageError.changedWhileRead(path: file)
            FileHandleOutput.standardError.write("casefile: \(Terminal.visible(error.description)); the export written may mix both versions\n")
            throw ExitStatus.trouble.exit
        }
    }
}
