/// The tags of entries that have many, as sets: whether a person with forty thousand tags
/// already has one is a lookup, not a scan of them all (tagging one by one would otherwise
/// cost the square of the tags). An entry's set is made the first time `tag` asks about it
/// and kept current by in-place edits of its Tag fields; any other change to the entry
/// drops it, to be made again when next asked.
final class TagIndex {
    /// Entries with fewer tags are scanned: a set costs more than it saves.
    static let smallest = 32

    /// Per entry Id: each tag value and how many Tag fields hold it.
    private var counts: [String: [String: Int]] = [:]

    init() {}

    /// Whether `entry` has the tag `value`; `run` is where its Tag fields are.
    /// - Complexity: O(1) once the entry's set is made (O(run) the first time).
    func has(_ value: String, entry: Entry, run: Range<Int>) -> Bool {
        if let known = counts[entry.id] { return known[value] != nil }
        var made: [String: Int] = [:]
        made.reserveCapacity(run.count)
        for field in entry.fields[run] where field.name == "Tag" { made[field.value, default: 0] += 1 }
        counts[entry.id] = made
        return made[value] != nil
    }

    /// Keeps entry `id`'s set current after its fields `removed` were replaced by `added`.
    /// - Complexity: O(removed + added).
    func fieldsDidChange(of id: String, removed: [Field], added: [Field]) {
        guard counts[id] != nil else { return }
        for field in removed where field.name == "Tag" {
            let left = (counts[id]?[field.value] ?? 1) - 1
            counts[id]?[field.value] = left > 0 ? left : nil
        }
        for field in added where field.name == "Tag" { counts[id]?[field.value, default: 0] += 1 }
    }

    /// Forgets what it knows of the entries `change` touched.
    func caseDidChange(_ change: Change) {
        guard case let .entry(old, new) = change else { return }
        if let id = old?.id { counts[id] = nil }
        if let id = new?.id { counts[id] = nil }
    }
}
