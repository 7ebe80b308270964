/// `review [LANG] [status=…] [by=WHO]`: the translations still to be reviewed, oldest first.
struct ReviewCommand: ShellCommand {
    static let name = "review"
    static let group = CommandGroup.translation
    static let usage = "review [LANG] [status=draft|reviewed|final] [by=WHO]"
    static let summary = "List the translations not yet final (or with the given status), oldest original first."
    static let help = """
        Lists translations whose status is not final (draft and reviewed), or exactly the
        status given, ordered by their original's date: the review queue. LANG keeps those
        into that language, by= those of one translator. The translator's name and the
        status are kept whole; the text is cut to fit. `next` walks the same queue.
        """
    static let example = "review en status=draft"
    static let arguments = [ArgumentSpec("LANG", .language, optional: true)]
    static let options = [OptionSpec("status", .status), OptionSpec("by", .text)]

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let lang = try call.word(0).map { word throws(CommandError) in try notebook.language(word) }
        let status = try call.options.first("status").map { word throws(CommandError) in
            try TranslateCommand.status(call, word: word)
        }
        var found = ReviewQueue(notebook: notebook).review(lang: lang, status: status)
        if let by = call.option("by")?.lowercased() {
            found = found.filter { ($0.translation["By"] ?? "").lowercased().contains(by) }
        }
        let rows = found.map { item in
            ReviewTable.Row(date: item.original?["Date"] ?? "", id: item.translation.id,
                            status: item.translation["Status"] ?? "draft",
                            by: item.translation["By"] ?? "", text: item.translation.text ?? "")
        }
        for line in ReviewTable.lines(rows, width: notebook.output.width) { notebook.output.line(line) }
        let what = status.map { "\($0) translation" } ?? "translation"
        let into = lang.map { " into \($0)" } ?? ""
        notebook.say(rows.isEmpty ? "no \(what)s\(into) to review"
                                  : "\(rows.count) \(what)\(rows.count == 1 ? "" : "s")\(into) to review")
    }
}

/// The review queue as a table: date, Id, status and translator kept whole, the text
/// cut to what is left of the width.
enum ReviewTable {
    /// One row.
    struct Row {
        var date: String
        var id: String
        var status: String
        var by: String
        var text: String
    }

    /// The rows laid out for `width` columns.
    static func lines(_ rows: [Row], width: Int) -> [String] {
        let dateWidth = rows.map { TextWidth.of($0.date) }.max() ?? 0
        let idWidth = min(32, rows.map { TextWidth.of($0.id) }.max() ?? 0)
        let statusWidth = rows.map { TextWidth.of($0.status) }.max() ?? 0
        let byWidth = min(24, rows.map { TextWidth.of(Terminal.visible($0.by, keepNewlines: false)) }.max() ?? 0)
        return rows.map { row in
            let head = [TextWidth.pad(row.date, to: dateWidth), TextWidth.pad(row.id, to: idWidth),
                        TextWidth.pad(row.status, to: statusWidth),
                        TextWidth.pad(TextWidth.truncate(Terminal.visible(row.by, keepNewlines: false), to: byWidth), to: byWidth)]
                .filter { !$0.isEmpty }.joined(separator: "  ")
            let text = Terminal.visible(row.text.replacingOccurrences(of: "\n", with: " "), keepNewlines: false)
            return TextWidth.truncate(head + "  " + text, to: width)
        }
    }
}
