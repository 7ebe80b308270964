import Foundation

/// `case [title=TEXT] [lang=LANG]`: the case's own settings, its title and working language.
struct CaseCommand: ShellCommand {
    static let name = "case"
    static let group = CommandGroup.files
    static let usage = "case [title=TEXT] [lang=LANG]"
    static let summary = "Show the case's title and working language, or set them (one undoable change)."
    static let help = """
        Without options, shows the case's file, title, working language and revision.
        title= sets the title the banner and the prompt show (title="" removes it); lang=
        sets the working language, the one translations are made into and `untranslated`
        looks for by default (en unless set). Both at once are one change: one undo takes
        it back, and the session log records it.
        """
    static let example = #"case title="Kazakh bloggers detained outside the mayor's lunch" lang=en"#
    static let arguments: [ArgumentSpec] = []
    static let options = [OptionSpec("title", .text), OptionSpec("lang", .language)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        var header = notebook.caseFile.header
        guard call.options.first("title") != nil || call.options.first("lang") != nil else {
            show(notebook)
            return
        }
        var said: [String] = []
        if let word = call.options.first("title") {
            let title = word.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if title.contains(where: { $0.isNewline }) {
                throw CommandError("a title is one line", at: word, hint: "put the details in a note: annotate ID TEXT")
            }
            header.set("Title", title.isEmpty ? nil : title)
            said.append(title.isEmpty ? "no title" : "title: \(title)")
        }
        if let word = call.options.first("lang") {
            let lang = try notebook.language(word)
            header.set("Lang", lang)
            said.append("working language: \(lang)")
        }
        guard header != notebook.caseFile.header else {
            notebook.confirm("the case already has that " + (said.count == 1 ? "setting" : "title and language"))
            return
        }
        notebook.setHeader(header)
        notebook.confirm(said.joined(separator: "; "))
    }

    static func show(_ notebook: Notebook) {
        let header = notebook.caseFile.header
        let rows = [
            ("file", notebook.path ?? "none yet (save --as FILE)"),
            ("title", header.title ?? "none (case title=TEXT)"),
            ("language", header.workingLanguage + (header["Lang"] == nil ? " (the default; case lang=LANG)" : "")),
            ("revision", "\(header.revision)" + (header.saved.map { ", saved \($0)" } ?? ", never saved")),
        ]
        // A long path or title wraps under its column.
        let room = notebook.output.width - 10
        for (label, value) in rows {
            for (index, line) in TextWidth.wrap(Terminal.visible(value), width: room).enumerated() {
                notebook.say((index == 0 ? TextWidth.pad(label, to: 10) : String(repeating: " ", count: 10)) + line)
            }
        }
    }
}
