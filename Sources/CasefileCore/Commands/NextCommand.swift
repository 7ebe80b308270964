/// `next [LANG]`: the next piece of translation work, shown side by side.
struct NextCommand: ShellCommand {
    static let name = "next"
    static let group = CommandGroup.translation
    static let usage = "next [LANG]"
    static let summary = "Show the next post or quote to translate or review into LANG, oldest first."
    static let help = """
        Walks the translator's queue: posts and quotes with no translation into LANG (the
        working language unless given) and translations into it that are not final, oldest
        original first. Each `next` shows the following item with its original and
        translations side by side and the command that does the work; after `translate`
        or `set … status=` the next `next` moves on. At the end it starts again from the top.
        """
    static let example = "next en"
    static let arguments = [ArgumentSpec("LANG", .language, optional: true)]

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let lang = try call.word(0).map { word throws(CommandError) in try notebook.language(word) }
            ?? notebook.caseFile.header.workingLanguage
        let items = ReviewQueue(notebook: notebook).items(lang: lang)
        guard !items.isEmpty else {
            notebook.queueCursor = nil
            notebook.say("nothing to translate or review into \(lang)")
            return
        }
        // The first item past the last one shown: work on it does not bring it back.
        var index = 0
        var wrapped = false
        if let cursor = notebook.queueCursor {
            if let after = items.firstIndex(where: { ReviewQueue.oldestFirst(cursor, $0.subject) }) {
                index = after
            } else {
                wrapped = true
            }
        }
        let item = items[index]
        notebook.queueCursor = item.subject
        if wrapped { notebook.say("(back to the oldest)") }
        let subject = item.subject
        let card = Card(entry: subject, caseFile: notebook.caseFile, references: notebook.referencesTo(subject.id),
                        width: notebook.output.width)
        for line in card.lines() { notebook.output.line(line) }
        let position = "\(index + 1) of \(items.count) into \(lang)"
        switch item {
        case .untranslated(let original):
            notebook.say("next: \(position) · translate \(original.id) \(lang) \"…\"")
        case .review(let translation, _):
            let status = (translation["Status"] ?? "draft").lowercased()
            notebook.say("next: \(position) · \(translation.id) is \(status): set \(translation.id) status=\(status == "draft" ? "reviewed" : "final")")
        }
    }
}
