/// What this session did since the case was opened: the replayable command lines a save
/// records in its `Session`, every line run, and the saved value of each thing changed
/// since the last save. Part of a `Notebook`.
struct SessionRecorder {
    /// The command lines that changed the case (replayable), since the last save.
    var lines: [String] = []
    /// The command lines recorded by the saves made since the case was opened (`history --write`).
    var savedLines: [String] = []
    /// Every command line run in this session, in order.
    var commands: [(source: String, changedCase: Bool)] = []
    /// For each thing changed since the last save, its value at the last save.
    var baseline = Baseline()
    /// A replacement for the running command's line in the log (set by commands whose
    /// result depends on the clock or the user, so a replay gives the same case).
    var loggedSource: String?

    /// Starts afresh on another case.
    mutating func removeAll() {
        lines.removeAll()
        savedLines.removeAll()
        baseline.removeAll()
    }

    /// After a save that recorded `recorded`: nothing is unsaved any more.
    mutating func markSaved(recorded: [String]) {
        savedLines += recorded
        baseline.removeAll()
        lines.removeAll()
    }
}
