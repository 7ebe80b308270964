/// People's names and aliases, folded to ASCII lower case (Айтеленов → aitelenov), to
/// complete a person's Id from any script. Built on first use, then kept current.
final class NameIndex {
    private var entries: [(key: String, id: String)] = []
    private var recent: [(key: String, id: String)] = []
    private var cache: [String: String] = [:]

    init(caseFile: CaseFile) {
        for entry in caseFile.entries.values where entry.kind == .person { add(entry, into: &entries) }
        entries.sort { ByteOrder.less($0.key, $1.key) }
    }

    /// Ids of people with a name word starting with `prefix` (any script), at most `limit`.
    func people(withNamePrefix prefix: String, in caseFile: CaseFile, limit: Int) -> [String] {
        let key = fold(prefix)
        guard !key.isEmpty else { return [] }
        var found: [String] = []
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if ByteOrder.less(entries[middle].key, key) { low = middle + 1 } else { high = middle }
        }
        while low < entries.count, entries[low].key.hasPrefix(key), found.count < limit {
            let id = entries[low].id
            if caseFile[id]?.kind == .person, !found.contains(id) { found.append(id) }
            low += 1
        }
        for item in recent where item.key.hasPrefix(key) && caseFile[item.id]?.kind == .person && !found.contains(item.id) {
            found.append(item.id)
        }
        return Array(found.prefix(limit))
    }

    /// Keeps the index current after `change` was applied to the case (it needs nothing else).
    func caseDidChange(_ change: Change) {
        guard case let .entry(_, new) = change, let new, new.kind == .person else { return }
        add(new, into: &recent)
        if recent.count > 1024 {
            entries.append(contentsOf: recent)
            entries.sort { ByteOrder.less($0.key, $1.key) }
            recent.removeAll()
        }
    }

    private func add(_ person: Entry, into list: inout [(key: String, id: String)]) {
        for name in [person.name ?? ""] + person.values("Alias") {
            for word in name.split(whereSeparator: { $0 == " " || $0 == "-" }) {
                let key = fold(String(word))
                if !key.isEmpty { list.append((key, person.id)) }
            }
        }
    }

    private func fold(_ word: String) -> String {
        if let known = cache[word] { return known }
        let folded = IdGenerator.slug(word).replacingOccurrences(of: "-", with: "")
        cache[word] = folded
        return folded
    }
}

extension Notebook {
    /// People whose name or alias has a word starting with `prefix`, in any script.
    public func people(withNamePrefix prefix: String, limit: Int = 50) -> [String] {
        if indexes.names == nil { indexes.names = NameIndex(caseFile: caseFile) }
        return indexes.names?.people(withNamePrefix: prefix, in: caseFile, limit: limit) ?? []
    }

    /// Handles starting with `prefix` (with or without `@`), at most `limit`.
    public func handles(withPrefix prefix: String, limit: Int = 50) -> [String] {
        handles.handles(withPrefix: prefix, limit: limit)
    }
}
