/// Builds a hit's snippet: finds the words that matched in each field of its document
/// and picks what to show. Shared by the index and the scan; each gives its own way to
/// turn a token into a term id.
struct SnippetBuilder {
    /// One field value of the document and the byte ranges that matched in it.
    struct Value {
        var field: String
        var text: String
        var weight: UInt8
        var matched: [Range<Int>] = []
    }

    /// The matched terms of each scored atom, part by part: (offset, terms).
    let atoms: [[(offset: Int32, terms: Set<Int32>)]]

    /// Fields that name a person or a source; shown together.
    static let identityFields: Set<String> = ["Name", "Title", "Handle", "Alias", "Role"]

    /// The snippet of `entry` (and `notes`); `termOf` finds a token's term, if known.
    func snippet(_ entry: Entry, notes: [Note],
                 termOf: (UnsafeBufferPointer<UInt8>, Token) -> Int32?) -> Snippet {
        let values = withoutActuallyEscaping(termOf) { termOf in
            var collector = Collector(atoms: atoms, termOf: termOf)
            var tokens: [Token] = []
            SearchDocument.walk(entry, notes: notes, tokens: &tokens, visitor: &collector)
            collector.finishValue()
            return collector.values
        }
        return choose(values, kind: entry.kind)
    }

    private func choose(_ values: [Value], kind: Kind) -> Snippet {
        let best = values.indices.max { a, b in
            let sa = values[a].matched.count * Int(values[a].weight)
            let sb = values[b].matched.count * Int(values[b].weight)
            return sa < sb || (sa == sb && a > b)
        }
        if kind == .person || kind == .source {
            var parts = values.filter { Self.identityFields.contains($0.field) }
            if let best, !values[best].matched.isEmpty, !Self.identityFields.contains(values[best].field) {
                parts.append(values[best])
            }
            return compose(parts, field: "Name")
        }
        if let best, !values[best].matched.isEmpty {
            return compose([values[best]], field: values[best].field)
        }
        let fallback = values.first { $0.field == "Text" } ?? values.first
        return compose(fallback.map { [$0] } ?? [], field: fallback?.field ?? "Text")
    }

    /// Joins values with " · ", labelling tags and notes, and converts byte ranges.
    private func compose(_ values: [Value], field: String) -> Snippet {
        var text = ""
        var ranges: [Range<Int>] = []
        for value in values {
            if !text.isEmpty { text += " · " }
            if value.field == "Note" { text += "note: " } else if value.field == "Tag" { text += "tag: " }
            let base = text.utf8.count
            text += value.text
            ranges += value.matched.map { (base + $0.lowerBound)..<(base + $0.upperBound) }
        }
        let utf8 = text.utf8
        var highlights: [Range<String.Index>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = highlights.last, utf8.distance(from: utf8.startIndex, to: last.upperBound) >= range.lowerBound {
                let upper = utf8.index(utf8.startIndex, offsetBy: max(range.upperBound, utf8.distance(from: utf8.startIndex, to: last.upperBound)))
                highlights[highlights.count - 1] = last.lowerBound..<upper
                continue
            }
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let upper = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
            highlights.append(lower..<upper)
        }
        return Snippet(field: field, text: text, highlights: highlights)
    }

    /// Walks a document, recording per value which tokens matched an atom.
    private struct Collector: DocumentVisitor {
        let atoms: [[(offset: Int32, terms: Set<Int32>)]]
        let termOf: (UnsafeBufferPointer<UInt8>, Token) -> Int32?
        var values: [Value] = []
        var current: Value?
        var tokens: [(token: Token, term: Int32?)] = []

        mutating func begin(value: String, field: String, weight: UInt8) {
            finishValue()
            current = Value(field: field, text: value, weight: weight)
        }

        mutating func visit(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token, weight: UInt8) {
            tokens.append((token, termOf(bytes, token)))
        }

        /// Marks the current value's tokens that match a word, or stand in a matched phrase.
        mutating func finishValue() {
            guard var value = current else { return }
            var marked = Set<Int>()
            for parts in atoms {
                if parts.count == 1 {
                    for (index, item) in tokens.enumerated() where item.term.map(parts[0].terms.contains) == true {
                        marked.insert(index)
                    }
                    continue
                }
                var byPosition: [Int32: [Int]] = [:]
                for (index, item) in tokens.enumerated() { byPosition[item.token.position, default: []].append(index) }
                for (index, item) in tokens.enumerated() where item.term.map(parts[0].terms.contains) == true {
                    var members = [index]
                    for part in parts.dropFirst() {
                        let candidates = byPosition[item.token.position + part.offset] ?? []
                        guard let hit = candidates.first(where: { tokens[$0].term.map(part.terms.contains) == true }) else {
                            members = []
                            break
                        }
                        members.append(hit)
                    }
                    marked.formUnion(members)
                }
            }
            value.matched = marked.sorted().compactMap { index in
                let token = tokens[index].token
                return token.namespace == .tag ? nil : Int(token.start)..<Int(token.end)
            }
            values.append(value)
            current = nil
            tokens.removeAll(keepingCapacity: true)
        }
    }
}
