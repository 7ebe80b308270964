/// Handles (`@extremkz`, matched without `@` and case-insensitively) to the people
/// who use them.
final class HandleIndex {
    /// Nearly every handle has one owner: kept as a plain Id, a set only for a shared one
    /// (no set to allocate, hash into and search per person added or handle resolved).
    private enum Owners {
        case one(String)
        case many(Set<String>)
    }

    private var owners: [String: Owners] = [:]

    init(caseFile: CaseFile) {
        for entry in caseFile.entries.values where entry.kind == .person { add(entry) }
    }

    /// The one person using `handle`, when exactly one does (the common case, without
    /// building a list).
    func soleOwner(of handle: String) -> String? {
        switch owners[Self.key(handle)] {
        case let .one(id)?: return id
        case let .many(ids)? where ids.count == 1: return ids.first
        default: return nil
        }
    }

    /// The Ids of the people using `handle`.
    func people(with handle: String) -> Set<String> {
        switch owners[Self.key(handle)] {
        case let .one(id)?: return [id]
        case let .many(ids)?: return ids
        case nil: return []
        }
    }

    /// Handles (with `@`) whose lookup form starts with `prefix`'s, sorted.
    func handles(withPrefix prefix: String, limit: Int) -> [String] {
        let key = Self.key(prefix)
        return Array(owners.keys.filter { $0.hasPrefix(key) }.sorted().prefix(limit).map { "@" + $0 })
    }

    /// Every handle's lookup form (for "did you mean"). - Complexity: O(handles).
    var allKeys: [String] { Array(owners.keys) }

    /// The lookup form of a handle: no `@`, lower case.
    static func key(_ handle: String) -> String {
        let utf8 = handle.utf8
        let start = utf8.first == UInt8(ascii: "@") ? utf8.index(after: utf8.startIndex) : utf8.startIndex
        // Most handles are plain lower-case ASCII already: no new string needed.
        if !utf8[start...].contains(where: { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) }) { return String(handle[start...]) }
        return String(handle[start...]).lowercased()
    }

    /// Keeps the index current after `change` was applied to the case (it needs nothing else).
    func caseDidChange(_ change: Change) {
        guard case let .entry(old, new) = change else { return }
        if let old, old.kind == .person {
            for handle in old.handles { remove(old.id, from: Self.key(handle)) }
        }
        if let new, new.kind == .person { add(new) }
    }

    private func add(_ person: Entry) {
        for field in person.fields where field.name == "Handle" {
            let key = Self.key(field.value)
            switch owners[key] {
            case nil: owners[key] = .one(person.id)
            case let .one(id)? where id == person.id: break
            case let .one(id)?: owners[key] = .many([id, person.id])
            case var .many(ids)?:
                owners[key] = nil
                ids.insert(person.id)
                owners[key] = .many(ids)
            }
        }
    }

    private func remove(_ id: String, from key: String) {
        switch owners[key] {
        case let .one(owner)? where owner == id:
            owners[key] = nil
        case var .many(ids)?:
            owners[key] = nil
            ids.remove(id)
            if !ids.isEmpty { owners[key] = .many(ids) }
        default:
            break
        }
    }
}
