/// Search without an index: every entry is tokenised and matched, once.
///
/// For a one-shot `casefile search` this beats building an index that is thrown away.
/// It runs the same `QueryPlan`, the same `TermPattern` predicate, the same scoring and
/// ranking as `SearchIndex`, so both give the same hits in the same order with the same
/// scores (a property test holds them to it).
public enum SearchScan {
    /// Searches `caseFile` for `query`; see `SearchIndex.search(_:in:limit:exact:)`.
    public static func search(_ query: SearchQuery, in caseFile: CaseFile, limit: Int? = nil, exact: Bool = false) -> SearchResults {
        var scan = ScanRun(plan: QueryPlan(query, exact: exact), caseFile: caseFile)
        return scan.run(limit: limit)
    }
}

/// The state of one scan.
///
/// Each distinct term is matched against every word of the query once, when first seen;
/// tokens of terms that match nothing are then only counted, so the cost per token is a
/// table lookup.
struct ScanRun: DocumentVisitor {
    let plan: QueryPlan
    let caseFile: CaseFile
    var dictionary = TermDictionary()
    var notesByEntry: [String: [Note]] = [:]
    var translationsOf: [String: [String: String]] = [:]
    var handleOwners: [String: Set<String>] = [:]
    /// Where each atom's parts start in a term's row of `qualities`.
    let partStart: [Int]
    /// The number of parts of all atoms together.
    let partCount: Int
    /// Per term, per part (row-major): the match quality.
    var qualities: [UInt8] = []
    /// Per term: whether it matches any part.
    var isRelevant: [Bool] = []
    /// The terms that match some part, in the order first seen.
    var relevantTerms: [Int32] = []
    /// Per term: documents containing it (kept for relevant terms only), and the last one.
    var documentCount: [Int32] = []
    var lastDocument: [Int32] = []
    var document: Int32 = 0
    /// The relevant tokens of the document being walked.
    var tokens: [(term: Int32, position: Int32, weight: UInt8)] = []
    var touched: UInt64 = 0

    init(plan: QueryPlan, caseFile: CaseFile) {
        self.plan = plan
        self.caseFile = caseFile
        var starts: [Int] = []
        var total = 0
        for atom in plan.atoms {
            starts.append(total)
            total += atom.parts.count
        }
        partStart = starts
        partCount = total
        for note in caseFile.notes.values { notesByEntry[note.key.on, default: []].append(note) }
        for id in notesByEntry.keys { notesByEntry[id]?.sort { $0.key < $1.key } }
        for entry in caseFile.entries.values {
            if entry.kind == .translation, let original = entry["Of"] {
                translationsOf[original, default: [:]][entry.id] = entry.lang?.lowercased() ?? ""
            } else if entry.kind == .person {
                for handle in entry.handles {
                    handleOwners[FilterRules.normalizedHandle(handle), default: []].insert(entry.id.lowercased())
                }
            }
        }
    }

    mutating func prepare(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) {
        touched ^= dictionary.touch(bytes, tokens)
    }

    mutating func visit(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, weight: UInt8) {
        let term = dictionary.term(bytes, Int(token.bodyStart), Int(token.end), namespace: token.namespace).id
        let t = Int(term)
        if t == isRelevant.count { learn(term) }
        guard isRelevant[t] else { return }
        if lastDocument[t] != document {
            lastDocument[t] = document
            documentCount[t] += 1
        }
        tokens.append((term, token.position, weight))
    }

    /// Matches a new term against every part of the query.
    private mutating func learn(_ term: Int32) {
        let info = dictionary.terms[Int(term)]
        var relevant = false
        for atom in plan.atoms {
            for part in atom.parts {
                let quality = part.pattern.quality(of: info)
                qualities.append(quality)
                relevant = relevant || quality > 0
            }
        }
        isRelevant.append(relevant)
        documentCount.append(0)
        lastDocument.append(-1)
        if relevant { relevantTerms.append(term) }
    }

    /// The match quality of `term` for part `part` of atom `atom`.
    @inline(__always)
    func quality(_ atom: Int, _ part: Int, _ term: Int32) -> UInt8 {
        qualities[Int(term) * partCount + partStart[atom] + part]
    }

    /// The weighted frequency of each atom in the document just walked.
    func frequencies() -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(plan.atoms.count)
        for (a, atom) in plan.atoms.enumerated() {
            if tokens.isEmpty || atom.parts.isEmpty { result.append(0); continue }
            if !atom.isPhrase {
                var tf = 0
                for token in tokens {
                    let q = quality(a, 0, token.term)
                    if q > 0 { tf += Int(token.weight) * Int(q) }
                }
                result.append(tf)
                continue
            }
            var occurrences: [[(position: Int32, weight: UInt8)]] = []
            for p in atom.parts.indices {
                var list: [(position: Int32, weight: UInt8)] = []
                for token in tokens where quality(a, p, token.term) > 0 { list.append((token.position, token.weight)) }
                occurrences.append(list)
            }
            let offsets = atom.parts.map(\.offset)
            result.append(occurrences.contains { $0.isEmpty } ? 0 : Scoring.phraseFrequency(offsets: offsets, occurrences: occurrences))
        }
        return result
    }
}
