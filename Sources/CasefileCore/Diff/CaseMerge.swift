/// A three-way merge of case files, entry by entry, for two researchers' saves of the
/// same dossier (a git merge driver). Each side's changes since the common ancestor
/// are taken together when they touch different records; a record both sides
/// changed differently is a conflict, and ours is kept. The session records of both
/// sides are kept: theirs are renumbered after ours, so the log stays 1…n.
public struct CaseMerge {
    /// The merged case.
    public var merged: CaseFile
    /// One line per record both sides changed differently (ours was kept).
    public var conflicts: [String]

    /// What a change is about, for telling whether both sides touched the same record.
    enum Touch: Hashable {
        case header, entry(String), link(LinkKey), note(NoteKey)
    }

    /// Merges `ours` and `theirs`, two descendants of `base`.
    public init(base: CaseFile, ours: CaseFile, theirs: CaseFile) {
        conflicts = []
        merged = ours
        let mine = CaseDiff.between(base, ours)
        let other = CaseDiff.between(base, theirs)
        var touchedByUs: [Touch: [RecordChange]] = [:]
        for change in mine.changes { for touch in Self.touches(change) { touchedByUs[touch, default: []].append(change) } }
        var accepted: [RecordChange] = []
        for change in other.changes {
            let touches = Self.touches(change)
            guard !touches.isEmpty else { continue }  // sessions and the header are merged below
            let clash = touches.filter { touchedByUs[$0] != nil }
            if clash.isEmpty {
                accepted.append(change)
            } else if !clash.allSatisfy({ touchedByUs[$0]?.contains(change) == true }) {
                conflicts.append(Self.describeConflict(change, ours: ours))
            }
        }
        var result = ours
        do {
            result = try CaseDiff(changes: accepted).apply(to: ours)
        } catch {
            conflicts.append("their changes do not apply: \(error.message)")
        }
        dropDangling(&result, ours: ours, theirs: theirs)
        result.header = mergeHeader(base.header, ours.header, theirs.header)
        mergeSessions(base: base, ours: ours, theirs: theirs, into: &result)
        mergeLayout(base: base, ours: ours, theirs: theirs, into: &result)
        merged = result
    }

    /// Their links and notes on an entry we removed (or never had) would dangle: they are
    /// conflicts, and ours (without them) is kept.
    private mutating func dropDangling(_ result: inout CaseFile, ours: CaseFile, theirs: CaseFile) {
        func removed(_ id: String) -> Bool { result.entries[id] == nil && theirs.entries[id] != nil }
        for (key, _) in result.links where ours.links[key] == nil && (removed(key.from) || removed(key.to)) {
            result.removeLink(key)
            let gone = removed(key.from) ? key.from : key.to
            conflicts.append("link \(key.from) \(key.rel) \(key.to) (theirs links \(gone), which ours removed; ours kept)")
        }
        for (key, _) in result.notes where ours.notes[key] == nil && removed(key.on) {
            result.removeNote(key)
            conflicts.append("a note on \(key.on) (theirs annotates \(key.on), which ours removed; ours kept)")
        }
    }

    static func touches(_ change: RecordChange) -> [Touch] {
        var touches: [Touch] = []
        for subject in [change.subject, change.movedTo].compactMap({ $0 }) {
            switch subject {
            case .header, .session: break
            case let .entry(_, id): touches.append(.entry(id))
            case let .link(key): touches.append(.link(key))
            case let .note(key): touches.append(.note(key))
            }
        }
        if let id = change.renamedTo { touches.append(.entry(id)) }
        return touches
    }

    /// A conflict named by what was kept: ours' record, and theirs' if it is another kind
    /// under the same Id (add/add).
    static func describeConflict(_ change: RecordChange, ours: CaseFile) -> String {
        if case let .entry(kind, id) = change.subject, let kept = ours.entries[id], kept.kind != kind {
            return "\(kept.kind.word) \(id) (theirs is a \(kind.word) with the same Id; ours kept)"
        }
        return "\(describe(change)) (changed on both sides; ours kept)"
    }

    static func describe(_ change: RecordChange) -> String {
        DiffRenderer().lines(change).first.map { String($0.dropFirst(2)) } ?? "a record"
    }

    /// Header fields merged three ways; Revision and Saved are set by the session merge.
    private mutating func mergeHeader(_ base: CaseHeader, _ ours: CaseHeader, _ theirs: CaseHeader) -> CaseHeader {
        var header = ours
        let names = (ours.fields + theirs.fields + base.fields).map(\.name)
        var seen: Set<String> = []
        for name in names where !seen.contains(name) && name != "Revision" && name != "Saved" {
            seen.insert(name)
            let (b, o, t) = (base.values(name), ours.values(name), theirs.values(name))
            guard t != b, t != o else { continue }
            if o == b {
                header.fields.removeAll { $0.name == name }
                header = CaseHeader(fields: header.fields + t.map { Field(name, $0) }, comments: header.comments)
            } else {
                conflicts.append("header \(name) (changed on both sides; ours kept)")
            }
        }
        return header
    }

    /// Ours' sessions, then theirs' new ones renumbered after them.
    private func mergeSessions(base: CaseFile, ours: CaseFile, theirs: CaseFile, into result: inout CaseFile) {
        var sessions = ours.sessions.sorted { $0.revision < $1.revision }
        var next = max(sessions.last?.revision ?? 0, ours.header.revision) + 1
        for session in theirs.sessions.sorted(by: { $0.revision < $1.revision })
        where !base.sessions.contains(session) && !ours.sessions.contains(session) {
            // Renumbered on top of ours, it no longer saved what its hashes say: it is
            // kept unsealed, and the chain shows that this merge was not casefile's save.
            var renumbered = session.withoutChain
            renumbered.revision = next
            next += 1
            sessions.append(renumbered)
        }
        result.sessions = sessions
        result.header.set("Revision", String(max(next - 1, ours.header.revision)))
        // Saved is when the last revision was saved, as a replay of the log sets it.
        if let last = sessions.last, last.revision == next - 1, let saved = last.saved {
            result.header.set("Saved", saved)
        }
    }

    /// Hand-added record types and comments: whichever side changed them, or ours.
    private mutating func mergeLayout(base: CaseFile, ours: CaseFile, theirs: CaseFile, into result: inout CaseFile) {
        let mine = CaseDiff.layoutChange(base, ours)
        guard let other = CaseDiff.layoutChange(base, theirs) else { return }
        guard mine != nil else {
            result.foreign = other.foreign.new
            result.descriptorExtras = other.descriptorExtras.new
            result.descriptorComments = other.descriptorComments.new
            result.trailingComments = other.trailingComments.new
            result.leadingComments = other.leadingComments.new
            return
        }
        if CaseDiff.layoutChange(ours, theirs) != nil {
            conflicts.append("hand-added records or comments (changed on both sides; ours kept)")
        }
    }
}
