/// People's names and aliases by the folding keys of their words (the keys search uses),
/// to warn when a person being added is probably one already in the case, in whatever
/// script either is written: `Владимир Владимирович Путин` is `Vladimir Putin`.
/// Built on the first `add person`, then kept current.
/// - Complexity: a lookup costs the candidates sharing a word key, not the case's size.
final class SamePersonIndex {
    private var byKey: [String: Set<String>] = [:]
    /// A word shared by more people than this ("P", a common first name) cannot pick out
    /// anyone alone: its people are candidates only when the name's other end word is as common.
    static let commonWord = 256

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
            // The people sharing the first or the last word; a very common word's people are
            // left out while the other end word is rarer, so one lookup stays cheap on a big case.
            let ends = [first] + (words.count > 1 ? [words[words.count - 1]] : [])
            let groups = ends.map { keys in keys.compactMap { byKey[$0] } }
            let sizes = groups.map { $0.reduce(0) { $0 + $1.count } }
            let rarest = sizes.min() ?? 0
            var candidates: Set<String> = []
            // A name made only of very common words ("P 12": digits are not words) picks out nobody.
            if rarest > Self.commonWord { continue }
            for (group, size) in zip(groups, sizes) where size <= Self.commonWord {
                for people in group { candidates.formUnion(people) }
            }
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
                for key in word { byKey[key, default: []].insert(person.id) }
            }
        }
    }
}

extension Notebook {
    /// People already in the case whose name or alias is one of `names` in any script.
    func samePeople(as names: [String], excluding id: String? = nil) -> [String] {
        if indexes.samePerson == nil { indexes.samePerson = SamePersonIndex(caseFile: caseFile) }
        return indexes.samePerson?.matches(for: names, excluding: id, in: caseFile) ?? []
    }
}
