/// The evidence a notebook's commands attach, verify and detach: the store beside the
/// case file, fresh Ids, custody events, and the session-log lines that replay them.
extension Notebook {
    /// The case's evidence store, or nil for a case never saved (it has no folder yet).
    public var evidenceStore: EvidenceStore? { path.map { EvidenceStore(casePath: $0) } }

    /// The evidence of `id`, by evidence Id, from the reference index.
    /// - Complexity: O(k log k) in the entries referring to `id`.
    public func evidence(on id: String) -> [EvidenceRecord] {
        var records: [EvidenceRecord] = []
        for reference in referencesTo(id) {
            guard case let .field(evidenceId, "On") = reference,
                  let record = caseFile[evidenceId].flatMap(EvidenceRecord.init) else { continue }
            records.append(record)
        }
        return records.sorted { ByteOrder.less($0.id, $1.id) }
    }

    /// A fresh Id for the next evidence of `entryId`: `ENTRY-e1`, `ENTRY-e2`, …
    func nextEvidenceId(for entryId: String) -> String {
        var counter = 1
        while caseFile["\(entryId)-e\(counter)"] != nil { counter += 1 }
        return "\(entryId)-e\(counter)"
    }

    /// Appends one line to the running command's session log (a command that logs several
    /// lines, or one in another form than typed).
    func logLine(_ line: String) {
        undo.pending?.log.append(line)
    }

    /// Adds the custody event `event` to each evidence record `ids`, stamped `at` and `by`,
    /// and logs the one `custody` line that replays it.
    func addCustody(_ event: String, to ids: [String], at: String, by: String) {
        guard !ids.isEmpty else { return }
        let value = CustodyEvent(at: at, by: by, event: event).fieldValue
        for id in ids {
            guard var entry = caseFile[id], entry.kind == .evidence else { continue }
            entry.append("Custody", value)
            put(entry)
        }
        logLine("custody \(Quoting.word(event)) " + ids.map(Quoting.word).joined(separator: " ")
                + " at=\(at) by=\(Quoting.word(by))")
    }

    /// Verifies the evidence records `ids` (every one when empty), in Id order; the
    /// outcomes are not recorded (see `recordVerification`). Files are hashed on every
    /// core at once (SHA-256 of one file runs on one), each part in Id order; an
    /// interrupt stops each part before its next file, and the results are those of the
    /// files verified, in Id order.
    /// - Complexity: O(bytes of evidence) reads.
    public func verifyEvidence(_ ids: [String] = []) throws(CommandError) -> [FixityResult] {
        guard let store = evidenceStore else {
            throw CommandError("this case has never been saved, so it has no evidence", hint: "save it first")
        }
        let chosen = ids.isEmpty ? caseFile.orderedIds(of: .evidence) : ids
        let records = chosen.compactMap { caseFile[$0].flatMap(EvidenceRecord.init) }
        let interrupted = isInterrupted
        let parts = Parallel.parts(for: records.count, minimum: 1)
        let verified = Parallel.map(parts) { part -> [FixityResult?] in
            Parallel.range(part, of: parts, count: records.count).map { index in
                interrupted() ? nil : store.verify(records[index])
            }
        }
        // What an interrupt left unverified is left out, as a serial run would stop there.
        return Array(verified.joined().prefix { $0 != nil }.compactMap { $0 })
    }

    /// Records each verification's outcome as a custody event of its evidence, one
    /// `custody` log line per distinct outcome.
    func recordVerification(_ results: [FixityResult], at: String, by: String) {
        var groups: [(outcome: String, ids: [String])] = []
        for result in results {
            if let index = groups.firstIndex(where: { $0.outcome == result.outcome }) {
                groups[index].ids.append(result.record.id)
            } else {
                groups.append((result.outcome, [result.record.id]))
            }
        }
        for group in groups { addCustody(group.outcome, to: group.ids, at: at, by: by) }
    }
}
