import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `edit ID [FIELD]`: edits a field's text, or the whole entry as recfile text, in the
/// user's editor; the result is one undoable change, and an invalid result is rejected
/// with the diagnostics of `check`, keeping what was typed for the next `edit`.
struct EditCommand: ShellCommand {
    static let name = "edit"
    static let group = CommandGroup.editing
    static let usage = "edit ID [FIELD]"
    static let summary = "Edit a field, or the whole entry as recfile text, in $VISUAL or $EDITOR."
    static let help = """
        Opens $VISUAL (then $EDITOR, then vi) on the text of FIELD, or on the whole entry
        written as a recfile record. A translation's text (or whole entry) is shown below
        its original, read-only between two #=== lines: changes made there are not saved. Save and quit to apply the change (one undo takes it
        back); an empty file changes nothing. If the result is invalid, the problems are
        shown as check shows them and what you typed is kept: `edit ID` again starts from it.
        """
    static let example = "edit extremkz-2014-02-04 text"
    static let arguments = [ArgumentSpec("ID", .entry), ArgumentSpec("FIELD", .field, optional: true)]
    static let changesCase = true

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        guard let editor = notebook.editor else {
            throw CommandError("edit needs an interactive shell", at: call.nameWords.first, hint: "use set in scripts")
        }
        let entry = try notebook.resolve(call.required(0))
        if let fieldWord = call.word(1) {
            try editField(entry, fieldWord, editor: editor, notebook: notebook)
        } else {
            try editEntry(entry, editor: editor, notebook: notebook, word: call.required(0))
        }
    }

    static func editField(_ entry: Entry, _ word: Word, editor: TextEditing, notebook: Notebook) throws(CommandError) {
        let field = try SetCommand.fieldName(word.text, for: entry, word: word)
        if entry.schema.repeatable.contains(field) {
            throw CommandError("\(field) can hold several values", at: word, hint: "edit the whole entry: edit \(entry.id)")
        }
        let original = entry[field] ?? ""
        let block = field == "Text" ? originalBlock(for: entry, notebook: notebook) : nil
        var edited: String
        switch editor.edit((block ?? "") + original + "\n", suffix: ".txt") {
        case .failure(let error): throw CommandError(error.message, at: word)
        case .success(let text): edited = removingOriginal(text, shown: block, entry: entry, notebook: notebook)
        }
        while edited.hasSuffix("\n") { edited.removeLast() }
        guard !edited.isEmpty, edited != original else {
            notebook.confirm(edited.isEmpty ? "empty text: nothing changed" : "no change")
            return
        }
        var updated = entry
        updated.set(field, edited)
        try apply(from: entry, to: updated, on: notebook, at: word)
        notebook.confirm("updated \(entry.id) \(field)")
    }

    static func editEntry(_ entry: Entry, editor: TextEditing, notebook: Notebook, word: Word) throws(CommandError) {
        let rescue = rescuePath(entry.id, notebook: notebook)
        let block = originalBlock(for: entry, notebook: notebook)
        var text = CaseRecordText.render(entry)
        if let rescue, let kept = PrivateFiles.read(rescue) {
            text = String(decoding: kept, as: UTF8.self)
            notebook.remark("starting from the text you typed last time (\(rescue))")
        }
        if let block {
            // Below the editing instructions, above the record.
            let help = text.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("#") }
            let offset = help.reduce(0) { $0 + $1.utf8.count + 1 }
            let split = text.utf8.index(text.startIndex, offsetBy: min(offset, text.utf8.count))
            text = String(text[..<split]) + block + String(text[split...])
        }
        let edited: String
        switch editor.edit(text, suffix: ".rec") {
        case .failure(let error): throw CommandError(error.message, at: word)
        case .success(let result): edited = removingOriginal(result, shown: block, entry: entry, notebook: notebook)
        }
        let meaningful = edited.split(separator: "\n").contains { !$0.hasPrefix("#") && !$0.allSatisfy { $0 == " " } }
        guard meaningful else {
            if let rescue { unlink(rescue) }
            notebook.confirm("empty: nothing changed")
            return
        }
        switch CaseRecordText.parse(edited, original: entry, in: notebook.caseFile) {
        case .success(let updated):
            if let rescue { unlink(rescue) }
            if updated == entry {
                notebook.confirm("no change")
                return
            }
            do {
                try apply(from: entry, to: updated, on: notebook, at: word)
            } catch {
                if let rescue { _ = try? PrivateFiles.write(Array(edited.utf8), to: rescue) }
                throw error
            }
            notebook.confirm("updated \(entry.id)")
        case .failure(let problems):
            var kept = false
            if let rescue { kept = (try? PrivateFiles.write(Array(edited.utf8), to: rescue)) != nil }
            throw CommandError("the edited entry has problems, nothing changed:\n  " + problems.joined(separator: "\n  "),
                               at: word, hint: kept ? "what you typed is kept; edit \(entry.id) again starts from it"
                                   : "what you typed could not be kept (no private folder for drafts)")
        }
    }

    /// Where a rejected draft of `id` is kept: in the user's own state folder (0700), one
    /// per case (by its resolved path) and Id, so nobody else can plant or read one.
    static func rescuePath(_ id: String, notebook: Notebook) -> String? {
        let settings = notebook.settings
        guard let base = settings.stateFolder ?? (try? PrivateFiles.temporaryFolder(environment: settings.temporaryEnvironment)),
              let folder = try? PrivateFiles.privateFolder(base + "/drafts") else { return nil }
        // A case with no file yet keeps its drafts for this notebook only.
        let key = notebook.path.map { String(SHA256Digest.sha256(Array(CasePaths.resolved($0).utf8)).prefix(16)) }
            ?? "new-\(String(notebook.files.instanceToken, radix: 16))"
        return folder + "/" + key + "-" + IdGenerator.slug(id, keepUnderscore: true) + ".rec"
    }
}
