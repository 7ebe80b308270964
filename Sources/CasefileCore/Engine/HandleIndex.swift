/// Handles (`@extremkz`, matched without `@` and case-insensitively) to the people
/// who use them.
final class HandleIndex: CaseObserver {
    private var owners: [String: Set<String>] = [:]

    init(caseFile: CaseFile) {
        for entry in caseFile.entries.values where entry.kind == .person { add(entry) }
    }

    /// The one person using `handle`, when exactly one does (the common case, without
    /// building a list).
    func soleOwner(of handle: String) -> String? {
        guard let owners = owners[Self.key(handle)], owners.count == 1 else { return nil }
        return owners.first
    }

    /// The Ids of the people using `handle`.
    func people(with handle: String) -> Set<String> { owners[Self.key(handle)] ?? [] }

    /// Handles (with `@`) whose lookup form starts with `prefix`'s, sorted.
    func handles(withPrefix prefix: String, limit: Int) -> [String] {
        let key = Self.key(prefix)
        return Array(owners.keys.filter { $0.hasPrefix(key) }.sorted().prefix(limit).map { "@" + $0 })
    }

    /// The lookup form of a handle: no `@`, lower case.
    static func key(_ handle: String) -> String {
        let utf8 = handle.utf8
        let start = utf8.first == UInt8(ascii: "@") ? utf8.index(after: utf8.startIndex) : utf8.startIndex
        // Most handles are plain lower-case ASCII already: no new string needed.
        if !utf8[start...].contains(where: { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) }) { return String(handle[start...]) }
        return String(handle[start...]).lowercased()
    }

    func caseDidChange(_ change: Change, in caseFile: CaseFile) {
        guard case let .entry(old, new) = change else { return }
        if let old, old.kind == .person {
            for handle in old.handles {
                owners[Self.key(handle)]?.remove(old.id)
                if owners[Self.key(handle)]?.isEmpty == true { owners[Self.key(handle)] = nil }
            }
        }
        if let new, new.kind == .person { add(new) }
    }

    private func add(_ person: Entry) {
        for handle in person.handles { owners[Self.key(handle), default: []].insert(person.id) }
    }
}
