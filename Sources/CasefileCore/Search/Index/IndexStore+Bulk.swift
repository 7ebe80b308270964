import Foundation

extension IndexStore {
    /// Indexes a whole case at once (a freshly loaded one, or the first search of a
    /// session): entries in file order, cut into one part per core. Each part tokenises
    /// against a token table of its own; the parts' distinct tokens are then merged and
    /// analysed once each (in parallel too), and their postings sorted by term in one
    /// counting sort instead of being appended term by term.
    mutating func addInBulk(_ caseFile: CaseFile, parts: Int? = nil) {
        var phases = BuildPhases()
        for note in caseFile.notes.values { notesByEntry[note.key.on, default: []].append(note) }
        for id in notesByEntry.keys { notesByEntry[id]?.sort { $0.key < $1.key } }
        let source = BulkSource(caseFile, notesByEntry: notesByEntry)
        let slotCount = source.count
        let partCount = max(1, parts ?? Parallel.parts(for: slotCount, minimum: 25_000))
        let columns = SlotColumns(count: slotCount)
        phases.end("notes and order")
        var shards = Parallel.map(partCount) { part -> BulkShard in
            let range = Parallel.range(part, of: partCount, count: slotCount)
            var shard = BulkShard(slotCount: range.count)
            shard.index(range, of: source, into: columns)
            return shard
        }
        phases.end("tokenise \(partCount) parts")
        var merged = MergedTokens(shards: &shards)
        phases.end("merge tokens")
        // Analysing is the costly part of a new token: once per distinct spelling.
        let tokens = merged.tokens
        let analysisParts = Parallel.parts(for: tokens.count, minimum: 5_000)
        let analysed = Parallel.map(analysisParts) { part in
            Parallel.range(part, of: analysisParts, count: tokens.count).map { index in
                tokens.withToken(index) { TermAnalyzer.analyze($0, namespace: $1) }
            }
        }
        phases.end("analyse")
        // The vocabulary and the per-slot tables share nothing: build them side by side.
        let (vocabulary, _) = Parallel.both({ Vocabulary(analysed) }, {
            finishSlots(columns, shards: shards, partCount: partCount)
        })
        phases.end("terms, keys || slots")
        dictionary = vocabulary.dictionary
        keyIndexes = vocabulary.keyIndexes
        merged.table.remapTerms(vocabulary.termOfToken)
        dictionary.install(merged.table)

        let termCount = dictionary.count
        postings.reserveTerms(termCount)
        let parts = shards.indices.map { k in
            (terms: shards[k].terms, postings: shards[k].postings,
             termOf: merged.localToMerged[k].map { vocabulary.termOfToken[Int($0)] })
        }
        for k in shards.indices { shards[k].dropPostings() }
        documentFrequency = postings.loadBulk(parts: parts, termCount: termCount)
        lastSlotSeen = [Int32](repeating: Int32.min, count: termCount)
        phases.end("postings")
        buildPhases = phases.list
        isPristine = true
    }

    /// Moves the shards' per-slot tables into the index, maps Ids to slots, and links
    /// translations with their originals.
    mutating func finishSlots(_ columns: SlotColumns, shards: [BulkShard], partCount: Int) {
        for (k, shard) in shards.enumerated() {
            columns.renumber(Parallel.range(k, of: partCount, count: columns.count),
                             langs: shard.langs.strings.map { langs.id($0.lowercased()) },
                             authors: shard.authors.strings.map { strings.id($0.lowercased()) })
        }
        columns.finish(into: &self)
        let slotCount = columns.count
        slotTranslations = [Int32](repeating: 0, count: slotCount)
        slotTranslationLangs = [UInt64](repeating: 0, count: slotCount)
        slotOriginal = [Int32](repeating: -1, count: slotCount)
        idToSlot = IdSlots(capacity: slotCount)
        for slot in 0..<slotCount where slotKind[slot] != Self.dead {
            idToSlot.set(slotId[slot], to: Int32(slot), ids: slotId)
            livePostings += Int(slotPostings[slot])
        }
        for shard in shards {
            liveCount += shard.liveCount
            totalLength += shard.totalLength
        }
        isBulk = true
        for shard in shards {
            for slot in shard.people {
                if let entry = slotEntry[Int(slot)] { noteRelations(of: entry, adding: true) }
            }
            for slot in shard.translations {
                guard let entry = slotEntry[Int(slot)] else { continue }
                noteRelations(of: entry, adding: true)
                guard let original = entry["Of"] else { continue }
                // What `linkTranslations` works out per original, counted per translation.
                let originalSlot = idToSlot.slot(of: original, ids: slotId) ?? -1
                slotOriginal[Int(slot)] = originalSlot
                if originalSlot >= 0 {
                    slotTranslations[Int(originalSlot)] += 1
                    slotTranslationLangs[Int(originalSlot)] |= langBit(entry.lang?.lowercased() ?? "")
                }
            }
        }
        isBulk = false
    }
}

/// The distinct tokens of all shards of a bulk build, numbered once: the first shard's
/// table grows into the merged one.
struct MergedTokens {
    var table: RawTokenTable
    private(set) var tokens: TokenList
    /// Per shard: its local token ids' merged ids.
    private(set) var localToMerged: [[Int32]]

    init(shards: inout [BulkShard]) {
        table = shards[0].takeTable()
        tokens = shards[0].tokens
        localToMerged = [Array(0..<Int32(tokens.count))]
        for shard in shards.dropFirst() {
            var map = [Int32](repeating: 0, count: shard.tokens.count)
            for local in 0..<shard.tokens.count {
                map[local] = shard.tokens.withToken(local) { bytes, namespace in
                    let key = ByteHash.key(bytes, 0, bytes.count)
                    if let found = table.find(key, namespace, bytes, 0, bytes.count) { return found }
                    let id = Int32(tokens.count)
                    tokens.append(bytes, 0, bytes.count, namespace)
                    table.insert(key, namespace, bytes, 0, bytes.count, term: id)
                    return id
                }
            }
            localToMerged.append(map)
        }
    }
}

/// The terms of a bulk build: analysed tokens that normalise alike ("Есимов", "ЕСИМОВ")
/// share one term; each new term's keys go to the key indexes.
struct Vocabulary {
    var dictionary = TermDictionary()
    var keyIndexes: [KeyIndex] = Namespace.allCases.map { KeyIndex(typos: $0 == .word) }
    /// Per merged token: its term.
    var termOfToken: [Int32] = []

    init(_ analysed: [[TermInfo]]) {
        termOfToken.reserveCapacity(analysed.reduce(0) { $0 + $1.count })
        for i in keyIndexes.indices { keyIndexes[i].beginBulk() }
        for infos in analysed {
            for info in infos {
                let (term, isNew) = dictionary.adopt(info)
                if isNew { keyIndexes[Int(info.namespace.rawValue)].add(term: term, info: info) }
                termOfToken.append(term)
            }
        }
        for i in keyIndexes.indices { keyIndexes[i].endBulk() }
    }
}

/// How long each step of a bulk build took (wall clock), for benchmarks.
struct BuildPhases {
    private let clock = ContinuousClock()
    private var mark: ContinuousClock.Instant
    private(set) var list: [(name: String, seconds: Double)] = []

    init() { mark = clock.now }

    mutating func end(_ name: String) {
        let now = clock.now
        let elapsed = now - mark
        list.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        mark = now
    }
}
