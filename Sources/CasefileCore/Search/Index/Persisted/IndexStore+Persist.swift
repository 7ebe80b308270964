extension IndexStore {
    /// The payload of a saved index (see docs/FORMAT.md, "The search index file"): the
    /// products of a bulk build that cost time to remake — the analysed terms, the raw
    /// spellings seen, each slot's length and posting count, and the postings — but not
    /// what the entries themselves give back cheaply (Ids, kinds, languages, dates,
    /// authors, translations), which `restore` takes from the case.
    /// Only a pristine index (`isPristine`) describes the file it was loaded from.
    func persistedPayload() -> [UInt8] {
        let terms = dictionary.terms
        var writer = IndexBytesWriter(capacity: postings.base.count * 8 + slotCount * 8 + terms.count * 48 + 64)
        writer.u64(UInt64(slotCount))
        writer.u64(UInt64(terms.count))
        writer.u64(UInt64(postings.base.count))
        for term in terms {
            writer.u8(term.namespace.rawValue)
            writer.u8(term.script.rawValue)
            writer.u32(UInt32(clamping: term.length))
            writer.string(term.surface)
            writer.u32(UInt32(term.fullKeys.count))
            for key in term.fullKeys { writer.string(key) }
            writer.u32(UInt32(term.stemKeys.count))
            for key in term.stemKeys { writer.string(key) }
        }
        var tokens = IndexBytesWriter()
        var tokenCount: UInt64 = 0
        dictionary.forEachRawToken { bytes, namespace, term in
            tokens.u8(namespace.rawValue)
            tokens.i32(term)
            tokens.data(bytes)
            tokenCount += 1
        }
        writer.u64(tokenCount)
        writer.array(tokens.bytes)
        writer.array(slotLength)
        writer.array(slotPostings)
        writer.array(postings.baseStart)
        writer.array(postings.base)
        return writer.bytes
    }

    /// Fills an empty store from a saved payload and the case it was saved for, checking
    /// everything it reads: counts against the case, term and slot numbers in range,
    /// postings sorted by slot and adding up to each slot's count. Throws without using
    /// anything when the payload does not fit.
    mutating func restore(_ payload: UnsafeRawBufferPointer, caseFile: CaseFile) throws(IndexDamage) {
        var reader = IndexBytesReader(payload)
        for note in caseFile.notes.values { notesByEntry[note.key.on, default: []].append(note) }
        for id in notesByEntry.keys { notesByEntry[id]?.sort { $0.key < $1.key } }
        let source = BulkSource(caseFile, notesByEntry: notesByEntry)
        let slots = try reader.count("slot count", limit: reader.remaining / 8)
        guard slots == source.count else { throw IndexDamage("it holds \(slots) slots, the case has \(source.count) entries") }
        let termCount = try reader.count("term count", limit: reader.remaining / 14)
        let postingCount = try reader.count("posting count", limit: reader.remaining / 8)
        var infos: [TermInfo] = []
        infos.reserveCapacity(termCount)
        for _ in 0..<termCount {
            guard let namespace = Namespace(rawValue: try reader.u8("a term's namespace")),
                  let script = Script(rawValue: try reader.u8("a term's script")) else {
                throw IndexDamage("a term's namespace or script is unknown")
            }
            let length = Int(try reader.u32("a term's length"))
            let surface = try reader.string("a term's surface")
            var keys: [[String]] = [[], []]
            for part in 0..<2 {
                let count = Int(try reader.u32("a term's key count"))
                guard count <= reader.remaining / 4 else { throw IndexDamage("a term's key count runs past the end") }
                for _ in 0..<count { keys[part].append(try reader.string("a term's key")) }
            }
            infos.append(TermInfo(surface: surface, namespace: namespace, script: script, length: length,
                                  fullKeys: keys[0], stemKeys: keys[1]))
        }
        let vocabulary = Vocabulary([infos])
        guard vocabulary.dictionary.count == termCount else { throw IndexDamage("two terms have the same surface") }
        let tokenCount = try reader.count("token count", limit: reader.remaining / 9)
        var table = RawTokenTable(capacity: tokenCount)
        for _ in 0..<tokenCount {
            guard let namespace = Namespace(rawValue: try reader.u8("a token's namespace")) else {
                throw IndexDamage("a token's namespace is unknown")
            }
            let term = Int32(bitPattern: try reader.u32("a token's term"))
            guard term >= 0, Int(term) < termCount else { throw IndexDamage("a token names term \(term) of \(termCount)") }
            let bytes = try reader.data("a token's bytes").bindMemory(to: UInt8.self)
            guard table.find(bytes, 0, bytes.count, namespace) == nil else { throw IndexDamage("a token is there twice") }
            table.insert(bytes, 0, bytes.count, namespace, term: term)
        }
        let lengths = try reader.array(slots, of: Int32.self, "the slots' lengths")
        let counts = try reader.array(slots, of: Int32.self, "the slots' posting counts")
        let baseStart = try reader.array(termCount + 1, of: Int32.self, "the terms' posting starts")
        let base = try reader.array(postingCount, of: UInt64.self, "the postings")
        guard reader.remaining == 0 else { throw IndexDamage("\(reader.remaining) bytes follow the postings") }
        let frequencies = try Self.checkPostings(base, starts: baseStart, slotPostings: counts, lengths: lengths)

        let columns = SlotColumns(count: slots)
        var shard = BulkShard(slotCount: 0)
        guard shard.restore(0..<slots, of: source, into: columns, lengths: lengths, postings: counts) else {
            columns.finish(into: &self)
            throw IndexDamage("a slot with postings has no entry in the case")
        }
        finishSlots(columns, shards: [shard], partCount: 1)
        dictionary = vocabulary.dictionary
        keyIndexes = vocabulary.keyIndexes
        dictionary.install(table)
        postings.install(baseStart: baseStart, base: base)
        documentFrequency = frequencies
        lastSlotSeen = [Int32](repeating: Int32.min, count: termCount)
        isPristine = true
    }

    /// Checks saved postings (each term's run within bounds, sorted by slot, slots in
    /// range, each slot's postings adding up to its count) and returns each term's
    /// document frequency.
    /// - Complexity: O(postings + slots + terms).
    static func checkPostings(_ base: [UInt64], starts: [Int32], slotPostings: [Int32],
                              lengths: [Int32]) throws(IndexDamage) -> [Int32] {
        guard starts.first == 0, starts.last.map(Int.init) == base.count else { throw IndexDamage("the posting starts do not span the postings") }
        guard lengths.count == slotPostings.count else { throw IndexDamage("\(lengths.count) slot lengths for \(slotPostings.count) slots") }
        var seen = [Int32](repeating: 0, count: slotPostings.count)
        var frequencies = [Int32](repeating: 0, count: starts.count - 1)
        for term in 0..<(starts.count - 1) {
            let start = Int(starts[term])
            let end = Int(starts[term + 1])
            guard start <= end else { throw IndexDamage("term \(term)'s postings end before they start") }
            // Only the first and last starts are pinned above: each one is checked.
            guard start >= 0, end <= base.count else { throw IndexDamage("term \(term)'s postings lie outside the postings") }
            var last = -1
            for posting in base[start..<end] {
                let slot = Int(posting >> 32)
                guard slot < seen.count, slot >= last else { throw IndexDamage("term \(term) has a posting out of order") }
                if slot != last { frequencies[term] += 1 }
                last = slot
                seen[slot] += 1
            }
        }
        for slot in seen.indices where seen[slot] != slotPostings[slot] || lengths[slot] < 0 {
            throw IndexDamage("slot \(slot) holds \(seen[slot]) postings, not \(slotPostings[slot])")
        }
        return frequencies
    }
}
