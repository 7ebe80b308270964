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
struct ScanRun: DocumentVisitor {
    let plan: QueryPlan
    let caseFile: CaseFile
    var dictionary = TermDictionary()
    var notesByEntry: [String: [Note]] = [:]
    var translationsOf: [String: [String: String]] = [:]
    var handleOwners: [String: Set<String>] = [:]
    /// Per atom, per part: the match quality of each term id (0xFF: not yet asked).
    var qualities: [[[UInt8]]]
    /// Per term: documents containing it, and the last document that did.
    var documentCount: [Int32] = []
    var lastDocument: [Int32] = []
    var document: Int32 = 0
    var tokens: [(term: Int32, position: Int32, weight: UInt8)] = []
    var touched: UInt64 = 0

    init(plan: QueryPlan, caseFile: CaseFile) {
        self.plan = plan
        self.caseFile = caseFile
        qualities = plan.atoms.map { $0.parts.map { _ in [] } }
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
        if t == documentCount.count {
            documentCount.append(0)
            lastDocument.append(-1)
        }
        if lastDocument[t] != document {
            lastDocument[t] = document
            documentCount[t] += 1
        }
        tokens.append((term, token.position, weight))
    }

    mutating func quality(_ atom: Int, _ part: Int, _ term: Int32) -> UInt8 {
        let t = Int(term)
        if qualities[atom][part].count <= t {
            qualities[atom][part].append(contentsOf: repeatElement(0xFF, count: t + 1 - qualities[atom][part].count))
        }
        let known = qualities[atom][part][t]
        if known != 0xFF { return known }
        let value = plan.atoms[atom].parts[part].pattern.quality(of: dictionary.terms[t])
        qualities[atom][part][t] = value
        return value
    }

    /// The weighted frequency of each atom in the document just walked.
    mutating func frequencies() -> [Int] {
        var result: [Int] = []
        for (a, atom) in plan.atoms.enumerated() {
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
