/// What an import did (or, in a dry run, would do): counts by kind and the records passed over.
public struct ImportSummary: Sendable, Equatable {
    /// Entries, links added, by kind word.
    public var added: [Kind: Int] = [:]
    /// Entries updated (an edited tweet's new text, a person's new handle), by kind.
    public var updated: [Kind: Int] = [:]
    /// Posts (and translations) that were in the case already, unchanged.
    public var alreadyPresent = 0
    /// Records passed over, with why (service messages, API errors, bad records with --keep-going).
    public var skipped: [String] = []

    /// `+120 post, +14 person, +31 link, ~2 post, 3 already present, 2 skipped: …`.
    public var text: String {
        var parts: [String] = []
        for kind in Kind.allCases { if let count = added[kind], count > 0 { parts.append("+\(count) \(kind.word)") } }
        for kind in Kind.allCases { if let count = updated[kind], count > 0 { parts.append("~\(count) \(kind.word)") } }
        if parts.isEmpty { parts.append("nothing new") }
        if alreadyPresent > 0 { parts.append("\(alreadyPresent) already present") }
        var line = parts.joined(separator: ", ")
        if !skipped.isEmpty {
            let shown = skipped.prefix(3).joined(separator: "; ")
            line += ", \(skipped.count) skipped: " + shown + (skipped.count > 3 ? "; …" : "")
        }
        return line
    }

    /// Whether the import changes the case.
    public var changesCase: Bool { added.values.contains { $0 > 0 } || updated.values.contains { $0 > 0 } }
}
