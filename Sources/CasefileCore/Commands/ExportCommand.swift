/// `export FORMAT [QUERY…] [--entries ID…] [--out FILE]`: the case, or a selection of it,
/// in a format other programs read.
struct ExportCommand: ShellCommand {
    static let name = "export"
    static let group = CommandGroup.files
    static let usage = "export FORMAT [QUERY…] [--entries ID…] [--out FILE] [--kind KIND] [--layout auto|dot|builtin] [--from LANG] [--to LANG]"
    static let summary = "Write the case (or a selection) as html, markdown, dot, tmx, xliff, ftm, csv or json."
    static let help = """
        Formats: html (a self-contained report: people, timeline with originals and
        translations side by side, notes, sources, a picture of the network), markdown (the
        same report), dot (the link graph for Graphviz), tmx (TMX 1.4b for translators),
        xliff (XLIFF 2.0 to translate in a CAT tool: one unit per translation into --to LANG
        and per original still without one, from --from LANG, the originals' most common
        language unless given; the segment's state mirrors the status), ftm
        (FollowTheMoney JSON lines for Aleph), csv (one table per kind into the folder
        --out names, or --kind KIND alone), json (the whole case, schema casefile-export 1).
        A search query narrows what is exported (kind:post author:@extremkz, lang:ru), as
        do --entries ID… (after the query) and status:final (translations with that status);
        translations travel with their originals, and the authors, sources, links and notes
        of what is chosen come along. Without --out the export is shown here.
        --layout chooses how the html report draws its picture: Graphviz's dot when installed
        (auto), dot, or casefile's own layout (builtin, the same on every machine).
        """
    static let example = "export html kind:post author:@extremkz --out extremkz.html"
    static let arguments = [ArgumentSpec("FORMAT", .word), ArgumentSpec("QUERY", .query, optional: true, repeating: true)]
    static let flags = [FlagSpec(["--out", "-o"], value: .path), FlagSpec(["--entries"], value: .entry),
                        FlagSpec(["--kind"], value: .kind), FlagSpec(["--layout"], value: .word),
                        FlagSpec(["--from"], value: .language), FlagSpec(["--to"], value: .language)]

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let formatWord = call.required(0)
        guard let format = ExportFormat(word: formatWord.text) else {
            let names = ExportFormat.allCases.map(\.rawValue)
            throw CommandError("unknown export format '\(formatWord.text)'", at: formatWord,
                               hint: Suggestions.hint(for: formatWord.text, in: names) ?? "formats: " + names.joined(separator: ", "))
        }
        var query: [Word] = []
        var entries: [Word] = []
        var inEntries = false
        var words = call.line.words.dropFirst(call.nameWords.count + 1)[...]
        while let word = words.popFirst() {
            if !word.isQuoted, let flag = flags.first(where: { $0.names.contains(word.raw) }) {
                inEntries = flag.names[0] == "--entries"
                if inEntries, let value = words.popFirst() { entries.append(value) } else { _ = words.popFirst() }
            } else if inEntries {
                entries.append(word)
            } else {
                query.append(word)
            }
        }
        var options = ExportOptions()
        if let word = call.flags["--kind"] {
            guard let kind = Kind(word: word.text), CSVExport.kinds.contains(kind) else {
                throw CommandError("'\(word.text)' is not a kind of table", at: word,
                                   hint: "kinds: " + CSVExport.kinds.map(\.word).joined(separator: ", "))
            }
            guard format == .csv else { throw CommandError("--kind is for csv", at: word, hint: "export csv --kind \(kind.word)") }
            options.kind = kind
        }
        if let word = call.flags["--layout"] {
            guard let layout = NetworkLayout.Choice(rawValue: word.text.lowercased()) else {
                throw CommandError("unknown layout '\(word.text)'", at: word, hint: "--layout auto, dot or builtin")
            }
            options.layout = layout
        }
        for (flag, keyPath) in [("--from", \ExportOptions.sourceLang), ("--to", \ExportOptions.targetLang)] {
            guard let word = call.flags[flag] else { continue }
            guard format == .xliff else { throw CommandError("\(flag) is for xliff", at: word, hint: "export xliff \(flag) \(word.text)") }
            options[keyPath: keyPath] = try notebook.language(word)
        }
        let set = try notebook.exportSet(query: query, entries: entries)
        guard let out = call.flags["--out"] else {
            let stream = ExportStream()
            let warnings: [String]
            do {
                warnings = try Exporter.write(format, set, options: options, to: stream)
            } catch {
                throw CommandError(error.description, at: formatWord, hint: error.hint)
            }
            var text = stream.text
            if text.last == "\n" || text.last == "\r\n" { text.removeLast() }
            // CSV ends its lines with CRLF, one Character: shown as a line end like LF.
            for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
                notebook.output.line(Terminal.visible(String(line)))
            }
            for warning in warnings { notebook.remark(warning) }
            return
        }
        let result: ExportResult
        do {
            result = try Exporter.write(format, set, options: options, toPath: out.text)
        } catch {
            throw CommandError(error.description, at: out, hint: error.hint)
        }
        for warning in result.warnings { notebook.remark(warning) }
        notebook.confirm(ExportSummary.text(of: result, format: format, set: set))
    }
}

extension Notebook {
    /// The export set that query words (`kind:post author:@extremkz`, with `status:S`
    /// words keeping translations of that status) and `--entries` words choose; the whole
    /// case when both are empty. Entry words are resolved as everywhere (Id, `@handle`, prefix).
    public func exportSet(query: [Word], entries: [Word]) throws(CommandError) -> ExportSet {
        var statuses: [String] = []
        var rest: [String] = []
        var restWords: [Word] = []
        for word in query {
            let raw = word.raw
            if raw.lowercased().hasPrefix("status:") {
                let values = raw.dropFirst("status:".count).split(separator: ",").map { String($0).lowercased() }
                guard !values.isEmpty else {
                    throw CommandError("status: needs a value", at: word, hint: "status:final (or draft, reviewed)")
                }
                statuses += values
            } else {
                rest.append(raw)
                restWords.append(word)
            }
        }
        var ids: [String] = []
        for word in entries { ids.append(try resolve(word).id) }
        let text = rest.joined(separator: " ")
        var matches: [String] = []
        if !text.isEmpty {
            let parsed: SearchQuery
            do {
                parsed = try SearchQuery.parse(text)
            } catch {
                throw error.located(in: restWords)
            }
            matches = searchIndex.search(parsed, in: caseFile, limit: nil).ids
        }
        let selection = ExportSelection(query: text, entries: ids, statuses: statuses)
        if selection.isEverything { return ExportSet(wholeCase: caseFile) }
        return ExportSet(caseFile: caseFile, selection: selection, matches: matches)
    }
}
