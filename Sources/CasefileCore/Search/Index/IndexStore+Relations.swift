extension IndexStore {
    /// Brings the original `id`'s translation count and languages, and its translations'
    /// link back to it, up to date.
    mutating func linkTranslations(of id: String) {
        let originalSlot = idToSlot.slot(of: id, ids: slotId) ?? -1
        var mask: UInt64 = 0
        let translations = translationsOf[id]
        for (translation, lang) in zip(translations.ids, translations.langs) {
            mask |= langBit(lang)
            if let slot = idToSlot.slot(of: translation, ids: slotId), slotEntry[Int(slot)]?.kind == .translation {
                slotOriginal[Int(slot)] = originalSlot
            }
        }
        if originalSlot >= 0 {
            slotTranslations[Int(originalSlot)] = Int32(translations.count)
            slotTranslationLangs[Int(originalSlot)] = mask
        }
    }

    /// The bit of `lang` (lower-cased) in `slotTranslationLangs`.
    mutating func langBit(_ lang: String) -> UInt64 {
        let id = langs.id(lang)
        return id < 63 ? 1 << UInt64(id) : 1 << 63
    }

    /// Keeps the translation and handle maps in step with an entry coming or going.
    mutating func noteRelations(of entry: Entry, adding: Bool) {
        if entry.kind == .translation, let original = entry["Of"] {
            if adding {
                translationsOf.add(entry.id, lang: entry.lang?.lowercased() ?? "", of: original)
            } else {
                translationsOf.remove(entry.id, of: original)
            }
            if !isBulk { linkTranslations(of: original) }
        }
        if entry.kind == .person {
            let id = entry.id.lowercased()
            for handle in entry.handles {
                let key = FilterRules.normalizedHandle(handle)
                if adding {
                    handleOwners[key, default: []].insert(id)
                } else {
                    handleOwners[key]?.remove(id)
                    if handleOwners[key]?.isEmpty == true { handleOwners[key] = nil }
                }
            }
        }
    }

    // MARK: Notes

    /// Replaces the note `old` by `new` (either may be nil), re-indexing the entries they are on.
    mutating func update(old: Note?, new: Note?) {
        var affected: [String] = []
        if let old { affected.append(old.key.on) }
        if let new, !affected.contains(new.key.on) { affected.append(new.key.on) }
        var entries: [Entry] = []
        for id in affected {
            if let slot = idToSlot.slot(of: id, ids: slotId), let entry = slotEntry[Int(slot)] {
                entries.append(entry)
                remove(id: id)
            }
        }
        if let old {
            notesByEntry[old.key.on]?.removeAll { $0.key == old.key }
            if notesByEntry[old.key.on]?.isEmpty == true { notesByEntry[old.key.on] = nil }
        }
        if let new {
            var list = notesByEntry[new.key.on] ?? []
            list.removeAll { $0.key == new.key }
            let position = list.firstIndex { new.key < $0.key } ?? list.count
            list.insert(new, at: position)
            notesByEntry[new.key.on] = list
        }
        for entry in entries { add(entry) }
    }

    // MARK: Compaction

    /// Drops dead postings once they outnumber live ones (and are worth the pass).
    mutating func compactIfNeeded() {
        guard deadPostings > compactionFloor && deadPostings > livePostings else { return }
        let kinds = slotKind
        postings.compact { kinds[$0] == Self.dead }
        deadPostings = 0
        compactions += 1
    }
}
