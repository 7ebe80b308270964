/// People's names and aliases by the folding keys of their words (the keys search uses),
/// to warn when a person being added is probably one already in the case, in whatever
/// script either is written: `Владимир Владимирович Путин` is `Vladimir Putin`.
/// Built on the first `add person`, then kept current.
/// - Complexity: a lookup costs the candidates sharing a word key, not the case's size.
final class SamePersonIndex {
    private var byKey: [String: [String]] = [:]

    init(caseFile: CaseFile) {
        for entry in caseFile.entries.values where entry.kind == .person { add(entry) }
    }

    /// The word keys of a name: one set of keys per word of letters.
    static func words(of name: String) -> [[String]] {
        var result: [[String]] = []
        for word in name.split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "’") }) {
            let lowered = word.lowercased()
            let info = TermAnalyzer.analyze(surface: lowered, scalars: lowered.unicodeScalars.map(\.value), namespace: .word)
            if !info.fullKeys.isEmpty { result.append(info.fullKeys) }
        }
        return result
    }

    /// Whether two names name the same person: every word of the shorter (at least two
    /// words, or one word each) is a word of the longer, so a patronymic or a middle name
    /// more on one side does not matter.
    static func same(_ a: [[String]], _ b: [[String]]) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard !short.isEmpty, short.count >= 2 || long.count == 1 else { return false }
        return short.allSatisfy { word in long.contains { TermPattern.intersect(word, $0) } }
    }

    /// People (other than `excluding`) whose name or an alias is the same as one of `names`.
    func matches(for names: [String], excluding: String?, in caseFile: CaseFile) -> [String] {
        var found: [String] = []
        for name in names {
            let words = Self.words(of: name)
            guard let first = words.first else { continue }
            var candidates: Set<String> = []
            for key in first { candidates.formUnion(byKey[key] ?? []) }
            if words.count > 1, let last = words.last { for key in last { candidates.formUnion(byKey[key] ?? []) } }
            for id in candidates.sorted(by: ByteOrder.less) where id != excluding && !found.contains(id) {
                guard let person = caseFile[id], person.kind == .person else { continue }
                let theirs = [person.name ?? ""] + person.values("Alias")
                if theirs.contains(where: { Self.same(Self.words(of: $0), words) }) { found.append(id) }
            }
        }
        return found
    }

    /// Keeps the index current after `change` (a removed person's keys stay, and are
    /// checked against the case when found).
    func caseDidChange(_ change: Change) {
        guard case let .entry(_, new) = change, let new, new.kind == .person else { return }
        add(new)
    }

    private func add(_ person: Entry) {
        for name in [person.name ?? ""] + person.values("Alias") {
            for word in Self.words(of: name) {
                for key in word where byKey[key]?.contains(person.id) != true { byKey[key, default: []].append(person.id) }
            }
        }
    }
}

extension Notebook {
    /// People already in the case whose name or alias is one of `names` in any script.
    func samePeople(as names: [String], excluding id: String? = nil) -> [String] {
        if samePersonIndex == nil { samePersonIndex = SamePersonIndex(caseFile: caseFile) }
        return samePersonIndex?.matches(for: names, excluding: id, in: caseFile) ?? []
    }
}
