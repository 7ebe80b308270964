import Foundation

/// `import FORMAT FILE…`: people, posts, links and translations from other tools' files,
/// as one undoable change, logged as one `import FORMAT FILE sha256=…` line per file.
struct ImportCommand: ShellCommand {
    static let name = "import"
    static let group = CommandGroup.files
    static let usage = "import FORMAT FILE… [title=T] [url=URL] [by=NAME] [status=S] [sha256=HEX] [--dry-run] [--keep-going]"
    static let summary = "Import posts from twarc, an X archive, a Telegram export or an article; translations from TMX or XLIFF."
    static let help = """
        FORMAT is twarc, x-archive, telegram, article, tmx, xliff or auto (told from the
        content).
        People are matched by the platform's account id, then by handle; posts by the
        platform's post id (an article's quoted posts by author, date and text), so that
        importing the same or an overlapping file again adds only what is new, and an
        edited tweet's newer text updates its post. Replies, quotes and reposts become
        links when both posts are known; mentions link to people in the case. Each file
        becomes a Source with its SHA-256. A file with a bad record imports nothing:
        --keep-going imports the rest and lists what was skipped. --dry-run only says what
        would change. For articles, title= and url= describe the Source, by= and status=
        the translations. The session log records `import FORMAT FILE sha256=…`: a replay
        reads the file again and refuses one that changed.
        tmx and xliff bring back translations edited in a CAT tool (OmegaT, Trados, any
        TMX 1.4b or XLIFF 2 tool): a unit with the Ids `export tmx`/`export xliff` wrote
        changes that translation's text (and status, from x-status or the segment's
        state); a unit without them is matched by its source text, and one that matches
        several originals or translations is refused, located. A translation into a
        language the original has none in is added (by= names its translator where the
        file does not; your name by default; status= sets the status of what changes).
        Nothing but translations changes: no Source, no posts, no people.
        """
    static let example = "import twarc search.jsonl"
    static let arguments = [ArgumentSpec("FORMAT", .word), ArgumentSpec("FILE", .path, repeating: true)]
    static let options = [
        OptionSpec("title", .text), OptionSpec("url", .word), OptionSpec("by", .text), OptionSpec("status", .status),
        OptionSpec("sha256", .word),
    ]
    static let flags = [FlagSpec(["--dry-run", "-n"]), FlagSpec(["--keep-going", "-k"])]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let formatWord = call.required(0)
        var format: ImportFormat?
        if formatWord.text != "auto" {
            guard let named = ImportFormat(rawValue: formatWord.text.lowercased()) else {
                throw CommandError("'\(formatWord.text)' is not a format import reads", at: formatWord,
                                   hint: Suggestions.hint(for: formatWord.text, in: ImportFormat.words)
                                       ?? "formats: " + ImportFormat.words.joined(separator: ", "))
            }
            format = named
        }
        let files = Array(call.positionals.dropFirst())
        let expected = call.options.first("sha256")
        if let expected, files.count != 1 {
            throw CommandError("sha256= names the hash of one file, but \(files.count) are given", at: expected,
                               hint: "import the files one by one")
        }
        let keepGoing = call.has("--keep-going")
        var planner = ImportPlanner(notebook: notebook)
        planner.translator = call.option("by")
        planner.status = try TranslateCommand.status(call)
        if call.options.first("status") != nil { planner.unitStatus = planner.status }
        let changesBefore = notebook.undo.pending?.changes.count ?? 0
        let logBefore = notebook.undo.pending?.log.count ?? 0
        var logLines: [String] = []
        var batches: [ImportBatch] = []
        for word in files {
            let batch: ImportBatch
            do {
                batch = try ImportInput.read(path: word.text, format: format, title: call.option("title"))
            } catch {
                throw CommandError(error.description, at: word, hint: error.hint)
            }
            if let expected, expected.text.lowercased() != batch.sha256 {
                throw CommandError("\(word.text) is not the file that was imported: its SHA-256 is \(batch.sha256), not \(expected.text)",
                                   at: expected, hint: "put the imported file back at that path, or import this one without sha256=")
            }
            var described = batch
            if let url = call.option("url") { described.url = url }
            batches.append(described)
        }
        if batches.contains(where: \.format.holdsUnits) {
            // Who made a new translation when the file does not say: the user at the keyboard,
            // written into the logged line so a replay by someone else gives the same case.
            if planner.translator == nil, notebook.settings.userName != "unknown" { planner.translator = notebook.settings.userName }
            for index in batches.indices where batches[index].format.holdsUnits {
                batches[index].problems += planner.unitProblems(batches[index])
            }
        }
        let problems = batches.flatMap(\.problems)
        if !problems.isEmpty && !keepGoing {
            var text = problems.prefix(20).map(\.description).joined(separator: "\n")
            if problems.count > 20 { text += "\n… and \(problems.count - 20) more" }
            throw CommandError(rendered: text + "\nnothing was imported (--keep-going imports the readable records and lists the rest)")
        }
        notebook.badRecordsSkipped += problems.count
        for batch in batches {
            var line = "import \(batch.format.rawValue) \(Quoting.word(Self.absolute(batch.file))) sha256=\(batch.sha256)"
            for key in ["title", "url", "by", "status"] {
                if let value = key == "by" ? planner.translator : call.option(key) { line += " \(key)=\(Quoting.word(value))" }
            }
            if !batch.problems.isEmpty { line += " --keep-going" }
            logLines.append(line)
            for problem in batch.problems { notebook.output.diagnostic(Terminal.visible(problem.description)) }
            planner.summary.skipped += batch.problems.map { "\($0.file):\($0.line): \($0.message)" }
            planner.summary.skipped += batch.skipped
            planner.apply(batch, progress: ImportProgress(output: notebook.output, file: batch.file))
        }
        let summary = planner.summary
        if call.has("--dry-run") {
            notebook.rollBack(to: changesBefore, log: logBefore)
            notebook.say("dry run: " + summary.text)
            return
        }
        notebook.say(summary.text)
        if summary.changesCase { notebook.undo.pending?.log.append(contentsOf: logLines) }
    }

    /// The path as the log records it: absolute, so a replay from another folder finds it.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return (path as NSString).standardizingPath }
        return ((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }
}
