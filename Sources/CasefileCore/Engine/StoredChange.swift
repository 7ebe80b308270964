/// A change as undo keeps it. An entry changed in place (same Id, kind and comments) is
/// kept as the run of fields that differ — where it starts, the fields it replaced and the
/// fields put there — not as two whole copies of the entry: forty thousand tags added one
/// by one to a person keep forty thousand fields, not forty thousand copies of a growing
/// record. Undo and redo change the run back in place (`Notebook.applyRaw(_:forward:)`).
enum StoredChange {
    /// Kept as it came (additions, removals, links, notes, the header).
    case whole(Change)
    /// Entry `id`'s fields `at..<at + removed.count` became `added`.
    case fields(id: String, at: Int, removed: [Field], added: [Field])

    /// How `change` is kept.
    /// `keepingFirst`: how many leading fields are known to be unchanged.
    /// - Complexity: O(fields of the entry after those); shared strings compare at once.
    init(_ change: Change, keepingFirst unchanged: Int = 0) {
        guard case let .entry(old?, new?) = change, old.id == new.id, old.kind == new.kind,
              old.comments == new.comments else {
            self = .whole(change)
            return
        }
        let edit = FieldRun.between(old.fields, new.fields, keepingFirst: unchanged)
        self = .fields(id: old.id, at: edit.at, removed: Array(old.fields[edit.at..<edit.oldEnd]),
                       added: Array(new.fields[edit.at..<edit.newEnd]))
    }
}

/// The run of fields where two field lists differ: the common start and end are left out.
enum FieldRun {
    /// `old[at..<oldEnd]` became `new[at..<newEnd]`; the first `keepingFirst` fields are
    /// the caller's word that they are the same in both, and are not compared.
    /// - Complexity: O(fields after those).
    static func between(_ old: [Field], _ new: [Field], keepingFirst unchanged: Int = 0) -> (at: Int, oldEnd: Int, newEnd: Int) {
        let shorter = min(old.count, new.count)
        var start = max(0, min(unchanged, shorter))
        while start < shorter, old[start] == new[start] { start += 1 }
        var oldEnd = old.count
        var newEnd = new.count
        while oldEnd > start, newEnd > start, old[oldEnd - 1] == new[newEnd - 1] {
            oldEnd -= 1
            newEnd -= 1
        }
        return (start, oldEnd, newEnd)
    }
}
