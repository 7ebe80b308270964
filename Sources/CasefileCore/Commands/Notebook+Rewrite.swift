extension Notebook {
    /// Points everything that refers to `old` at `new` instead: fields of other entries,
    /// links and notes. Links that would join an entry to itself are dropped.
    func redirectReferences(from old: String, to new: String) {
        for reference in referencesTo(old) {
            switch reference {
            case let .field(id, field):
                guard var entry = caseFile.entries[id] else { continue }
                entry.fields = entry.fields.map { $0.name == field && $0.value == old ? Field(field, new) : $0 }
                put(entry)
            case let .link(key):
                guard let link = caseFile.links[key] else { continue }
                removeLink(key)
                var moved = link
                moved.key = LinkKey(from: key.from == old ? new : key.from, rel: key.rel, to: key.to == old ? new : key.to)
                if moved.key.from != moved.key.to && caseFile.links[moved.key] == nil { put(moved) }
            case let .note(key):
                guard let note = caseFile.notes[key] else { continue }
                removeNote(key)
                var moved = note
                moved.key.on = new
                if caseFile.notes[moved.key] == nil { put(moved) }
            }
        }
    }

    /// Human-readable lines for what refers to `id`.
    func describeReferences(to id: String) -> [String] { describe(Array(referencesTo(id))) }

    /// Human-readable lines for `references`, sorted.
    func describe(_ references: [Reference]) -> [String] {
        references.map { reference -> String in
            switch reference {
            case let .field(other, field): return "\(other) (\(field))"
            case let .link(key): return "link \(key.from) \(key.rel) \(key.to)"
            case let .note(key): return "a note on \(key.on) by \(key.by.isEmpty ? "?" : key.by)"
            }
        }.sorted()
    }
}
