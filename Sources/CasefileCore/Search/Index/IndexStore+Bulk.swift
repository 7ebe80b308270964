extension IndexStore {
    /// Indexes many entries at once (a freshly loaded case): postings are gathered flat and
    /// sorted by term once, instead of being appended term by term.
    mutating func addInBulk<S: Sequence>(_ entries: S, expected: Int) where S.Element == Entry {
        isBulk = true
        bulkTerms.reserveCapacity(expected * 16)
        bulkPostings.reserveCapacity(expected * 16)
        for array in [\IndexStore.slotLength, \.slotLang, \.slotDay, \.slotAuthor, \.slotTranslations, \.slotPostings,
                      \.slotOriginal] {
            self[keyPath: array].reserveCapacity(expected)
        }
        slotTranslationLangs.reserveCapacity(expected)
        slotEntry.reserveCapacity(expected)
        slotId.reserveCapacity(expected)
        slotKind.reserveCapacity(expected)
        idToSlot.reserveCapacity(expected)
        for i in keyIndexes.indices { keyIndexes[i].beginBulk() }
        for entry in entries { add(entry) }
        for i in keyIndexes.indices { keyIndexes[i].endBulk() }
        isBulk = false
        let terms = bulkTerms
        let list = bulkPostings
        bulkTerms = []
        bulkPostings = []
        // Links between originals and translations were left for now: one pass over the
        // translations is cheaper than a lookup for every entry.
        for original in translationsOf.keys { linkTranslations(of: original) }
        postings.loadBulk(terms: terms, postings: list, termCount: dictionary.count)
        for t in 0..<dictionary.count {
            var last: UInt64 = .max
            var count: Int32 = 0
            postings.forEach(Int32(t)) { posting in
                if posting >> 32 != last { count += 1; last = posting >> 32 }
            }
            documentFrequency[t] = count
        }
    }
}
