// The public face of the parts a notebook is made of (`UndoHistory`, `SessionRecorder`,
// `NotebookJournal`, `NotebookPolicy`, `NotebookFiles`): what the shell, the command line
// and tests read and set. Inside the engine, code changes the parts themselves (a
// collection changed through one of these would be copied whole).
extension Notebook {
    /// The file the case is saved to (nil for a new case never saved).
    public internal(set) var path: String? {
        get { files.path }
        set { files.path = newValue }
    }

    /// Whether `open`, `new` and `save --as` take the case file's lock (the shell and
    /// `casefile run`; off in tests that open one case twice in one process).
    public var locksFiles: Bool {
        get { files.locksFiles }
        set { files.locksFiles = newValue }
    }

    /// Why the open case's lock could not be taken (then it is read-only), or nil.
    public internal(set) var lockProblem: LockFailure? {
        get { files.lockProblem }
        set { files.lockProblem = newValue }
    }

    /// The hash of the file's bytes when it was loaded or last saved, to notice edits on disk.
    public internal(set) var diskHash: UInt64? {
        get { files.diskHash }
        set { files.diskHash = newValue }
    }

    /// Whether changes are journaled beside the file (off only in tests that say so).
    public var journaling: Bool {
        get { journalState.isEnabled }
        set { journalState.isEnabled = newValue }
    }

    /// A journal left by an earlier session that did not save, found at open.
    public var pendingJournal: PendingJournal? {
        get { journalState.pending }
        set { journalState.pending = newValue }
    }

    /// Why the case is read-only (another casefile holds its lock), or nil.
    public var readOnlyReason: String? {
        get { policy.readOnlyReason }
        set { policy.readOnlyReason = newValue }
    }

    /// Set by `casefile run FILE`: the replay is saved to FILE at the end, so `open` and a
    /// `new` that would leave an existing FILE are refused where they stand in the script.
    public var keepsFile: Bool {
        get { policy.keepsFile }
        set { policy.keepsFile = newValue }
    }

    /// Set by `casefile run --dry-run`: every command runs, but nothing is written to a
    /// file; a command that would write one (save, history --write) says what it would write.
    public var dryRun: Bool {
        get { policy.dryRun }
        set { policy.dryRun = newValue }
    }

    /// The command lines of this session that changed the case (replayable), since the last save.
    public var sessionLog: [String] { log.lines }

    /// The command lines recorded by the saves made since the case was opened (`history --write`).
    public var savedSessionLog: [String] { log.savedLines }

    /// Every command line run in this session, in order.
    public var history: [(source: String, changedCase: Bool)] { log.commands }
}
