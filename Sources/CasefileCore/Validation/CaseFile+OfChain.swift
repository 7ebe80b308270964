extension CaseFile {
    /// The chain of originals above translation `id` (its `Of`, that one's `Of`, …) if it
    /// leads back to `id`: translations that are each other's originals, which no reader
    /// can untangle. Nil when the chain ends.
    /// - Complexity: O(length of the chain), one lookup per step.
    func ofCycle(from id: String) -> [String]? {
        var chain = [id]
        var seen: Set<String> = [id]
        var current = id
        while let next = entries[current]?["Of"] {
            if next == id { return chain + [id] }
            // A loop above this entry that does not pass through it is the other entry's problem.
            guard seen.insert(next).inserted else { return nil }
            chain.append(next)
            current = next
        }
        return nil
    }

    /// Whether making `translation` the translation of `original` would close a loop of
    /// `Of` references (the original is, through its own originals, a translation of it).
    func ofWouldLoop(translation: String, original: String) -> [String]? {
        var chain = [original]
        var seen: Set<String> = [original]
        var current = original
        if original == translation { return [translation, translation] }
        while let next = entries[current]?["Of"] {
            chain.append(next)
            if next == translation { return [translation] + chain }
            guard seen.insert(next).inserted else { return nil }
            current = next
        }
        return nil
    }
}

extension CaseValidator {
    /// A translation whose chain of originals comes back to it.
    static func ofCycleProblem(_ entry: Entry, in caseFile: CaseFile) -> Problem? {
        guard entry.kind == .translation, entry["Of"] != nil, let cycle = caseFile.ofCycle(from: entry.id) else { return nil }
        return Problem(field: "Of", message: "translation '\(entry.id)' is, through its originals, a translation of itself: "
                           + cycle.joined(separator: " → "),
                       hint: "one of them is the original: unpair the other (unpair ID) or set its Of to the true original")
    }
}
