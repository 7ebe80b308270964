extension ScanRun {
    /// A document that matched, kept until the corpus statistics are known.
    struct Match {
        var entry: Entry
        var frequencies: [Int]
        var length: Int
    }

    /// Walks every entry, then scores and ranks the matches.
    mutating func run(limit: Int?) -> SearchResults {
        let filters = plan.filters.map { resolve($0) }
        var matches: [Match] = []
        var count = 0
        var totalLength = 0
        var buffer: [Token] = []
        for entry in caseFile.entries.values {
            tokens.removeAll(keepingCapacity: true)
            let notes = notesByEntry[entry.id] ?? []
            let length = SearchDocument.walk(entry, notes: notes, tokens: &buffer, visitor: &self)
            count += 1
            totalLength += length
            document += 1
            let tf = frequencies()
            if isMatch(plan.root, entry, tf, filters) { matches.append(Match(entry: entry, frequencies: tf, length: length)) }
        }
        let averageLength = count > 0 ? Double(totalLength) / Double(count) : 0
        var idf: [Double] = []
        var matchedTerms: [[(offset: Int32, terms: Set<Int32>)]] = []
        for (a, atom) in plan.atoms.enumerated() {
            var sum = 0.0
            var parts: [(offset: Int32, terms: Set<Int32>)] = []
            for p in atom.parts.indices {
                var df = 0
                var terms = Set<Int32>()
                for t in relevantTerms where quality(a, p, t) > 0 {
                    df += Int(documentCount[Int(t)])
                    terms.insert(t)
                }
                sum += Scoring.idf(df: df, n: count)
                parts.append((atom.parts[p].offset, terms))
            }
            idf.append(sum)
            if atom.isScored { matchedTerms.append(parts) }
        }
        let scored: [(match: Match, score: Double)] = matches.map { match in
            var score = 0.0
            for a in plan.atoms.indices where plan.atoms[a].isScored && match.frequencies[a] > 0 {
                score += idf[a] * Scoring.saturation(tf: match.frequencies[a], length: match.length,
                                                     averageLength: averageLength)
            }
            return (match, score)
        }
        let top = Ranking.top(scored, limit: limit) { a, b in
            Ranking.before(score: a.score, kind: Int(a.match.entry.kind.byteOrdinal), id: a.match.entry.id,
                           score: b.score, kind: Int(b.match.entry.kind.byteOrdinal), id: b.match.entry.id)
        }
        let builder = SnippetBuilder(atoms: matchedTerms)
        let dictionary = self.dictionary
        let hits = top.map { item in
            let entry = item.match.entry
            let snippet = builder.snippet(entry, notes: notesByEntry[entry.id] ?? []) { bytes, token in
                dictionary.existingTerm(bytes, Int(token.bodyStart), Int(token.end), namespace: token.namespace)
            }
            return SearchHit(id: entry.id, kind: entry.kind, score: item.score, lang: entry.lang, snippet: snippet,
                             original: entry.kind == .translation ? entry["Of"] : nil,
                             translations: (translationsOf[entry.id] ?? [:]).keys.sorted(by: ByteOrder.less))
        }
        return SearchResults(hits: hits, total: matches.count)
    }

    /// A filter with what it needs resolved once.
    enum Filter {
        case plain(QueryFilter)
        case author(Set<String>)
    }

    private func resolve(_ filter: QueryFilter) -> Filter {
        guard case .author(let value) = filter else { return .plain(filter) }
        let owners = handleOwners
        return .author(FilterRules.authorKeys(value, handlesOf: { caseFile[$0]?.handles ?? [] },
                                              ownersOf: { owners[$0] ?? [] }))
    }

    private func isMatch(_ node: QueryPlan.Node, _ entry: Entry, _ tf: [Int], _ filters: [Filter]) -> Bool {
        switch node {
        case .all(let children): return children.allSatisfy { isMatch($0, entry, tf, filters) }
        case .any(let children): return children.contains { isMatch($0, entry, tf, filters) }
        case .not(let inner): return !isMatch(inner, entry, tf, filters)
        case .atom(let index): return tf[index] > 0
        case .predicate(let index): return check(filters[index], entry)
        }
    }

    private func check(_ filter: Filter, _ entry: Entry) -> Bool {
        let facts = FilterRules.Facts(entry)
        switch filter {
        case .author(let keys):
            if let author = facts.author { return keys.contains(author) }
            guard let original = facts.original, let source = caseFile[original] else { return false }
            return FilterRules.Facts(source).author.map(keys.contains) ?? false
        case .plain(.kind(let kind)): return entry.kind == kind
        case .plain(.lang(let lang)): return FilterRules.langMatches(facts.lang, lang)
        case .plain(.date(let range)): return range.contains(facts.day)
        case .plain(.hasTranslation): return !(translationsOf[entry.id] ?? [:]).isEmpty
        case .plain(.status(let status)): return FilterRules.statusMatches(entry, status)
        case .plain(.missingTranslation):
            return FilterRules.missesTranslation(kind: entry.kind, lang: facts.lang,
                                                 translationLangs: Array((translationsOf[entry.id] ?? [:]).values),
                                                 working: caseFile.header.workingLanguage)
        case .plain: return false
        }
    }
}
