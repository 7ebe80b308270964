/// The evidence block of a card: each captured file of the entry with its hash, capture
/// and custody events, so that `show` answers "what do we hold for this, and who touched it".
extension Card {
    /// How many custody events of one piece of evidence are listed (the latest ones).
    static let custodyLimit = 12

    /// Whether `reference` is a piece of evidence pointing at the entry (listed under
    /// Evidence, not under "Referred to by").
    func isEvidence(_ reference: Reference) -> Bool {
        guard case let .field(id, "On") = reference else { return false }
        return caseFile[id]?.kind == .evidence
    }

    func evidenceLines() -> [String] {
        var records: [EvidenceRecord] = []
        for reference in references where isEvidence(reference) {
            guard case let .field(id, _) = reference, let record = caseFile[id].flatMap(EvidenceRecord.init) else { continue }
            records.append(record)
        }
        guard !records.isEmpty else { return [] }
        records.sort { ByteOrder.less($0.id, $1.id) }
        var out = ["", "Evidence"]
        for record in records.prefix(Self.listLimit) {
            let size = record.size.map(ByteSize.text) ?? "size unknown"
            out.append("  " + [record.id, record.name ?? "", record.mediaType ?? "", size].filter { !$0.isEmpty }
                .joined(separator: "  "))
            out.append("    sha256    " + record.sha256)
            if let path = record.linkedPath { out.append("    linked    " + path) }
            if let captured = record.captured {
                out.append("    captured  " + captured + (record.capturedFrom == "file-mtime" ? " (the file's modification time)" : ""))
            }
            if let url = record.url { out.append("    url       " + url) }
            if !record.pages.isEmpty { out.append("    pages     \(record.pages.count) (WACZ)") }
            if let wacz = record.wacz { out.append("    wacz      " + wacz) }
            let custody = record.custody.suffix(Self.custodyLimit)
            if record.custody.count > custody.count {
                out.append("    custody   … \(record.custody.count - custody.count) earlier events")
            }
            for (index, event) in custody.enumerated() {
                out.append((index == 0 ? "    custody   " : "              ") + [event.at, event.by, event.event]
                    .filter { !$0.isEmpty }.joined(separator: "  "))
            }
        }
        return out + more(records.count)
    }
}
