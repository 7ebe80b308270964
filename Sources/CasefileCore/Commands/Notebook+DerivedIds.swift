extension Notebook {
    /// After `old` was renamed `new`: the Ids that were made from `old` (its quotes
    /// `old-q1`…, its translations `old.en`…, and theirs) are renamed to match, when the
    /// new Id is free. Returns the pairs renamed, in order.
    func renameDerivedIds(from old: String, to new: String, depth: Int = 0) -> [(String, String)] {
        // Quote of a translation of a quote…: three levels is more than Ids are made of.
        guard depth < 3 else { return [] }
        var renamed: [(String, String)] = []
        var derived: [String] = []
        for reference in referencesTo(new) {
            guard case let .field(id, field) = reference, let entry = caseFile.entries[id] else { continue }
            let isQuote = entry.kind == .quote && field == "Speaker" && id.hasPrefix(old + "-q")
                && id.utf8.dropFirst(old.utf8.count + 2).allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && id.utf8.count > old.utf8.count + 2
            let isTranslation = entry.kind == .translation && field == "Of" && id.hasPrefix(old + ".")
            if isQuote || isTranslation { derived.append(id) }
        }
        for id in derived.sorted(by: ByteOrder.less) {
            guard let entry = caseFile.entries[id] else { continue }
            let target = new + id.dropFirst(old.count)
            guard caseFile.entries[target] == nil, IdGenerator.problem(with: target) == nil else {
                remark("note: \(id) keeps its Id (\(target) is taken)")
                continue
            }
            var moved = entry
            moved.id = target
            apply(.entry(old: entry, new: moved))
            redirectReferences(from: id, to: target)
            renamed.append((id, target))
            renamed += renameDerivedIds(from: id, to: target, depth: depth + 1)
        }
        return renamed
    }
}
