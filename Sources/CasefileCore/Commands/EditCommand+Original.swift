/// A translation is edited with its original above it, read-only: a block of `#` lines
/// between two marker lines at the top of the file, removed before the text is read
/// back (a translation's own text may well start with `#`: hashtags), so nothing in it
/// is ever applied. A change made inside it is reported, not saved.
extension EditCommand {
    static let originalEnd = "#=== end of the original: edit the translation below ==="

    /// The block for `entry` when it is a translation paired with an original that has text.
    static func originalBlock(for entry: Entry, notebook: Notebook) -> String? {
        guard entry.kind == .translation, let of = entry["Of"], let original = notebook.caseFile.entries[of],
              let text = original.text else { return nil }
        var about = [original.lang, original["Author"] ?? original["Speaker"], original["Date"]].compactMap { $0 }
        about.insert(original.kind.word, at: 0)
        var block = "#=== original \(original.id) (\(about.joined(separator: ", "))): read-only, changes here are not saved ===\n"
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { block += "# " + line + "\n" }
        return block + originalEnd + "\n"
    }

    /// `edited` without the original's block; when the block is not what was shown, says
    /// that the original was not changed.
    static func removingOriginal(_ edited: String, shown block: String?, entry: Entry, notebook: Notebook) -> String {
        guard let block, let start = block.split(separator: "\n").first.map(String.init) else { return edited }
        var lines = edited.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { $0 == start }) else { return edited }
        guard let end = lines[first...].firstIndex(where: { $0 == originalEnd }) else {
            // The end line was deleted: only the lines still as shown go, so that a
            // translation starting with `#` is never taken for part of the block.
            let shown = block.split(separator: "\n", omittingEmptySubsequences: false)
            var last = first
            while last + 1 < lines.count, last + 1 - first < shown.count, lines[last + 1] == shown[last + 1 - first] { last += 1 }
            lines.removeSubrange(first...last)
            return lines.joined(separator: "\n")
        }
        let removed = lines[first...end].joined(separator: "\n") + "\n"
        lines.removeSubrange(first...end)
        if removed != block, let of = entry["Of"] {
            notebook.warn("the original \(of) is shown read-only: what you changed in it was not applied (edit \(of) to change it)")
        }
        return lines.joined(separator: "\n")
    }
}
