/// The recovery journal of a notebook: the one this session writes beside the case, what
/// the running command did for it, and the one an earlier session left. Part of a `Notebook`.
struct NotebookJournal {
    /// Whether changes are journaled beside the file (off only in tests that say so, and
    /// in a script file replayed by `casefile run`).
    var isEnabled = true
    /// The journal of this session's unsaved changes.
    var current: Journal?
    /// Whether the last journal write failed (the next change rewrites the journal whole).
    var lastWriteFailed = false
    /// What the running command did, for the journal.
    var recorder: JournalRecorder?
    /// A journal left by an earlier session that did not save, found at open.
    var pending: PendingJournal?
}
