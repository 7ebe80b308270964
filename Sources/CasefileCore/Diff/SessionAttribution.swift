/// What each save between two saves of a case changed, and what none of them explains:
/// the newer save's session records after the older one's revision are replayed on the
/// older case, one session at a time, with their authors and times, and each session's
/// changes are read off the engine's record of what it touched (no pass over the case
/// per session). What the replay does not give of the newer file was changed outside
/// casefile.
public struct SessionAttribution {
    /// One session and the changes it made.
    public struct Step {
        /// The session record, as the newer file holds it.
        public var session: Session
        /// The records it changed, before and after.
        public var diff: CaseDiff
    }

    /// The sessions replayed, oldest first.
    public var steps: [Step]
    /// What the newer file holds that the replay does not give (changed outside casefile).
    public var unexplained: CaseDiff
    /// The first session whose commands no longer run, and why (what follows it is then
    /// not attributed).
    public var failure: (revision: Int, error: String)?

    /// Replays `new`'s sessions after `old`'s revision on `old`.
    /// - Complexity: the sessions' commands, plus one comparison of the replayed case with
    ///   `new` over the records the sessions touched and `changed`, the records that
    ///   differ between the two files (nil: every record).
    public init(old: CaseFile, new: CaseFile, changed: CaseDiff? = nil) {
        let notebook = Notebook(caseFile: old, output: BufferOutput(), settings: Settings(userName: ""))
        notebook.showsConfirmations = false
        notebook.journaling = false
        notebook.sealsSessions = false
        notebook.guessReporting = .silent
        steps = []
        failure = nil
        var touched = Touched()
        let later = new.sessions.filter { $0.revision > old.header.revision }.sorted { $0.revision < $1.revision }
        for session in later {
            notebook.settings = Settings(userName: session.by ?? "", fixedTime: session.saved.flatMap(RevisionReplay.seconds))
            let report = notebook.runScript(session.commands.joined(separator: "\n"), name: "revision \(session.revision)")
            let (before, after) = notebook.touchedSinceSave(into: &touched)
            steps.append(Step(session: session, diff: CaseDiff.between(before, after)))
            if let error = report.errors.first {
                failure = (session.revision, error)
                break
            }
            notebook.commitSave(notebook.prepareSave(message: session.message), path: nil, hash: nil)
        }
        unexplained = Self.difference(notebook.caseFile, new, over: changed.map { touched.adding($0) })
    }

    /// The records a replay touched, by kind of record.
    struct Touched {
        var entries: Set<String> = []
        var links: Set<LinkKey> = []
        var notes: Set<NoteKey> = []

        /// These and the records `diff` names.
        func adding(_ diff: CaseDiff) -> Touched {
            var all = self
            for change in diff.changes {
                for subject in [change.subject, change.movedTo].compactMap({ $0 }) {
                    switch subject {
                    case let .entry(_, id): all.entries.insert(id)
                    case let .link(key): all.links.insert(key)
                    case let .note(key): all.notes.insert(key)
                    case .header, .session: break
                    }
                }
                if let id = change.renamedTo { all.entries.insert(id) }
            }
            return all
        }
    }

    /// `replayed` → `new` over the records `only` names (nil: all), sessions left out:
    /// the newer file's session records are the log itself, not something it explains.
    static func difference(_ replayed: CaseFile, _ new: CaseFile, over only: Touched?) -> CaseDiff {
        guard let only else {
            var a = replayed
            var b = new
            a.sessions = []
            b.sessions = []
            return CaseDiff.between(a, b)
        }
        var a = CaseFile()
        var b = CaseFile()
        a.header = replayed.header
        b.header = new.header
        for id in only.entries {
            if let entry = replayed[id] { a.put(entry) }
            if let entry = new[id] { b.put(entry) }
        }
        for key in only.links {
            if let link = replayed.links[key] { a.put(link) }
            if let link = new.links[key] { b.put(link) }
        }
        for key in only.notes {
            if let note = replayed.notes[key] { a.put(note) }
            if let note = new.notes[key] { b.put(note) }
        }
        return CaseDiff.between(a, b)
    }
}

extension Notebook {
    /// The records changed since the last save, as they were then and as they are now
    /// (two small cases holding only those records), noted in `touched`.
    func touchedSinceSave(into touched: inout SessionAttribution.Touched) -> (before: CaseFile, after: CaseFile) {
        var before = CaseFile()
        var after = CaseFile()
        before.header = log.baseline.header ?? caseFile.header
        after.header = caseFile.header
        for (id, saved) in log.baseline.entries {
            touched.entries.insert(id)
            if let saved { before.put(saved) }
            if let now = caseFile[id] { after.put(now) }
        }
        for (key, saved) in log.baseline.links {
            touched.links.insert(key)
            if let saved { before.put(saved) }
            if let now = caseFile.links[key] { after.put(now) }
        }
        for (key, saved) in log.baseline.notes {
            touched.notes.insert(key)
            if let saved { before.put(saved) }
            if let now = caseFile.notes[key] { after.put(now) }
        }
        return (before, after)
    }
}
