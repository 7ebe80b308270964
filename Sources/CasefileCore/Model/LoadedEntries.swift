/// Each kind's entries in canonical order, as read from a canonical file, kept in step with
/// the changes that leave the others where they are: an entry replaced or edited (found by
/// a binary search) and an entry added after the last Id of its kind. Any other change to a
/// kind (an entry removed, added between two others, or turned into another kind) drops that
/// kind's list, and the case lists that kind by looking up its Ids again.
///
/// It lets an export of a case as loaded (what `casefile export CASE` does), or changed here
/// and there in the shell, take the entries in order without looking up a million Ids. The
/// lists share the entries' storage with the case's table (a count of each, no copy).
struct LoadedEntries: Sendable {
    /// By kind ordinal; nil for a kind whose order is not held.
    private var lists: [[Entry]?]

    /// No kind held.
    init() {
        lists = Array(repeating: nil, count: Kind.allCases.count)
    }

    /// Holds `lists` (by kind ordinal, one for every kind), each in strictly ascending
    /// order of Id.
    init(holding lists: [[Entry]]) {
        self.lists = lists.map { $0 }
    }

    /// The entries of `kind` in canonical order, when that kind is held.
    /// - Complexity: O(1).
    func entries(of kind: Kind) -> [Entry]? { lists[kind.ordinal] }

    /// Stops holding any kind (without making a new list when none is held: the reader
    /// calls this for every entry it puts).
    mutating func dropAll() {
        for ordinal in lists.indices where lists[ordinal] != nil { lists[ordinal] = nil }
    }

    /// Stops holding `kind`.
    mutating func drop(_ kind: Kind) { lists[kind.ordinal] = nil }

    /// Follows `entry` put in the case's table, where it replaced `old`.
    /// - Complexity: O(log n) Id comparisons (amortised O(1) for an Id added at the end).
    mutating func follow(put entry: Entry, replacing old: Entry?) {
        let kind = entry.kind
        if let old, old.kind != kind {
            drop(old.kind)
            drop(kind)
            return
        }
        var list = take(kind)
        guard list != nil else { return }
        if old != nil {
            guard let index = list.flatMap({ Self.index(of: entry.id, in: $0) }) else { return }
            list?[index] = entry
        } else if let last = list?.last, !ByteOrder.less(last.id, entry.id) {
            return
        } else {
            list?.append(entry)
        }
        lists[kind.ordinal] = list
    }

    /// Follows an edit in place of entry `id` of `kind` in `table`: lets go of the held copy
    /// while `edit` runs, so that the fields it changes are held once and not copied, then
    /// holds the edited entry.
    /// - Complexity: O(log n) Id comparisons.
    mutating func follow(editOf id: String, kind: Kind, in table: inout [String: Entry], _ edit: (inout [Field]) -> Void) {
        var list = take(kind)
        let index = list.flatMap { Self.index(of: id, in: $0) }
        if let index { list?[index].fields = [] }
        // The defaulting subscript lends the stored value itself (the default is never made:
        // the entry is there), so a list held only here is not copied.
        edit(&table[id, default: Entry(kind: kind, id: id)].fields)
        guard let index, let edited = table[id] else { return }
        list?[index] = edited
        lists[kind.ordinal] = list
    }

    /// Takes `kind`'s list out, so that it is held once while it changes.
    private mutating func take(_ kind: Kind) -> [Entry]? {
        var list: [Entry]?
        swap(&list, &lists[kind.ordinal])
        return list
    }

    /// The position of `id` in `list` (in strictly ascending order of Id), by binary search.
    private static func index(of id: String, in list: [Entry]) -> Int? {
        var low = 0, high = list.count
        while low < high {
            let middle = low + (high - low) / 2
            let order = ByteOrder.compare(list[middle].id, id)
            if order == 0 { return middle }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
