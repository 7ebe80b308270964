/// A query word resolved against the index: the terms it matches, with their quality.
struct ResolvedPart {
    var offset: Int32
    var terms: [(term: Int32, quality: UInt8)]
}

/// An atom of the plan, resolved.
struct ResolvedAtom {
    var parts: [ResolvedPart]
    var isScored: Bool
    /// How many postings producing its documents would read.
    var estimate: Int
    /// Its inverse document frequency (phrases: the sum over their words).
    var idf: Double
    var isPhrase: Bool { parts.count > 1 }
}

extension IndexStore {
    /// The terms `pattern` matches. Candidates come from the key tables; the pattern's
    /// own predicate decides, so this finds exactly what the scan finds.
    func resolve(_ pattern: TermPattern) -> [(term: Int32, quality: UInt8)] {
        let info = pattern.info
        let keys = keyIndexes[Int(info.namespace.rawValue)]
        var candidates = Set<Int32>()
        if pattern.isPrefix {
            keys.forEachTerm(withSurfacePrefix: info.surface) { candidates.insert($0) }
            if !pattern.isExact {
                for prefix in info.fullKeys {
                    keys.forEachKey(withPrefix: prefix) { key in keys.forEachTerm(ofKey: key) { candidates.insert($0) } }
                }
            }
        } else {
            if let term = dictionary.lookup(surface: info.surface, namespace: info.namespace) { candidates.insert(term) }
            if !pattern.isExact {
                for key in info.allKeys { keys.forEachTerm(withKey: key) { candidates.insert($0) } }
                for key in info.crossKeys + info.crossStemKeys { keys.forEachTerm(withKey: key) { candidates.insert($0) } }
                if pattern.allowsTypo {
                    for key in info.fullKeys where key.utf8.count >= TermPattern.typoMinimumKey {
                        keys.forEachKey(nearTo: key) { near in keys.forEachTerm(ofKey: near) { candidates.insert($0) } }
                    }
                }
            }
        }
        var result: [(term: Int32, quality: UInt8)] = []
        for term in candidates {
            let quality = pattern.quality(of: dictionary.terms[Int(term)])
            if quality > 0 { result.append((term, quality)) }
        }
        result.sort { $0.term < $1.term }
        return result
    }

    /// Resolves every atom of `plan`, with document frequencies over live documents.
    func resolve(_ plan: QueryPlan) -> [ResolvedAtom] {
        plan.atoms.map { atom in
            var parts: [ResolvedPart] = []
            var estimate = Int.max
            var idf = 0.0
            for (offset, pattern) in atom.parts {
                let terms = resolve(pattern)
                var postingsCount = 0
                var df = 0
                for (term, _) in terms {
                    postingsCount += postings.count(term)
                    df += Int(documentFrequency[Int(term)])
                }
                estimate = min(estimate, postingsCount)
                idf += Scoring.idf(df: df, n: liveCount)
                parts.append(ResolvedPart(offset: offset, terms: terms))
            }
            return ResolvedAtom(parts: parts, isScored: atom.isScored, estimate: estimate == Int.max ? 0 : estimate, idf: idf)
        }
    }
}
