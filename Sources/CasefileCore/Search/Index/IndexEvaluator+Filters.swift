extension IndexEvaluator {
    /// The live slots passing `filter`, by one pass over its table.
    func scan(_ filter: Filter) -> [Int32] {
        let kinds = store.slotKind
        return select((0..<Int32(kinds.count)).lazy.filter { kinds[Int($0)] != IndexStore.dead }, filter, keep: true)
    }

    /// The slots of `list` that pass `filter` (or, with `keep` false, that fail it). One
    /// loop per kind of filter, so the test inside is a load and a compare.
    func select<S: Sequence>(_ list: S, _ filter: Filter, keep: Bool) -> [Int32] where S.Element == Int32 {
        switch filter {
        case .kind(let kind):
            let kinds = store.slotKind
            return list.filter { (kinds[Int($0)] == kind) == keep }
        case .lang(let table):
            let langs = store.slotLang
            return list.filter { slot in
                let lang = langs[Int(slot)]
                return (lang >= 0 && table[Int(lang)]) == keep
            }
        case .date(let range):
            let days = store.slotDay
            return list.filter { range.contains(days[Int($0)]) == keep }
        case .hasTranslation:
            let translations = store.slotTranslations
            return list.filter { (translations[Int($0)] > 0) == keep }
        case .status(let status):
            let kinds = store.slotKind
            let entries = store.slotEntry
            let translation = Kind.translation.byteOrdinal
            return list.filter { slot in
                let index = Int(slot)
                guard kinds[index] == translation, let entry = entries[index] else { return !keep }
                return FilterRules.statusMatches(entry, status) == keep
            }
        case .author(let table):
            let authors = store.slotAuthor
            let originals = store.slotOriginal
            return list.filter { slot in
                var author = authors[Int(slot)]
                if author < 0 {
                    let original = originals[Int(slot)]
                    if original >= 0 { author = authors[Int(original)] }
                }
                return (author >= 0 && table[Int(author)]) == keep
            }
        case .missingTranslation(let workingLangs, let workingMask, _):
            let kinds = store.slotKind
            let langs = store.slotLang
            let masks = store.slotTranslationLangs
            let post = Kind.post.byteOrdinal
            let quote = Kind.quote.byteOrdinal
            return list.filter { slot in
                let index = Int(slot)
                let kind = kinds[index]
                guard kind == post || kind == quote else { return !keep }
                let lang = langs[index]
                if lang >= 0 && workingLangs[Int(lang)] { return !keep }
                let mask = masks[index]
                if mask & (1 << 63) == 0 { return (mask & workingMask == 0) == keep }
                return check(filter, slot) == keep
            }
        }
    }

    func check(_ filter: Filter, _ slot: Int32) -> Bool {
        let index = Int(slot)
        switch filter {
        case .kind(let kind): return store.slotKind[index] == kind
        case .lang(let table):
            let lang = store.slotLang[index]
            return lang >= 0 && table[Int(lang)]
        case .date(let range): return range.contains(store.slotDay[index])
        case .hasTranslation: return store.slotTranslations[index] > 0
        case .status(let status):
            guard store.slotKind[index] == Kind.translation.byteOrdinal, let entry = store.slotEntry[index] else { return false }
            return FilterRules.statusMatches(entry, status)
        case .author(let table):
            var author = store.slotAuthor[index]
            if author < 0 {  // a translation: its original's author (slotOriginal is -1 for others)
                let original = store.slotOriginal[index]
                if original >= 0 { author = store.slotAuthor[Int(original)] }
            }
            return author >= 0 && table[Int(author)]
        case .missingTranslation(let workingLangs, let workingMask, let working):
            let kind = store.slotKind[index]
            guard kind == Kind.post.byteOrdinal || kind == Kind.quote.byteOrdinal else { return false }
            let lang = store.slotLang[index]
            if lang >= 0 && workingLangs[Int(lang)] { return false }
            let mask = store.slotTranslationLangs[index]
            if mask & (1 << 63) == 0 { return mask & workingMask == 0 }
            // Translations in languages past the bit table: ask the map.
            guard let entry = store.slotEntry[index] else { return false }
            return FilterRules.missesTranslation(kind: entry.kind, lang: entry.lang?.lowercased(),
                                                 translationLangs: store.translationsOf[entry.id].langs,
                                                 working: working)
        }
    }
}
