/// What a notebook lets commands do, decided from each command's declaration
/// (`needsWritableCase`, `runsOverPendingJournal`, `changesCase`), never from its name.
/// Part of a `Notebook`.
struct NotebookPolicy {
    /// Why the case is read-only (another casefile holds its lock), or nil.
    var readOnlyReason: String?
    /// Set by `casefile run FILE`: the replay is saved to FILE at the end, so `open` and a
    /// `new` that would leave an existing FILE are refused where they stand in the script
    /// (rather than the whole script running and then having nowhere to be saved).
    var keepsFile = false
    /// Set by `casefile run --dry-run`: every command runs, but nothing is written to a
    /// file; a command that would write one (save, history --write) says what it would write.
    var dryRun = false

    /// Why `command` may not run now (at `word`, its name), or nil when it may.
    /// `earlierJournal` is the journal an earlier session left, when changes are journaled.
    func refusal(of command: any ShellCommand.Type, at word: Word?,
                 earlierJournal: PendingJournal?) -> CommandError? {
        if let reason = readOnlyReason, command.needsWritableCase {
            return CommandError("the case is read-only: \(reason)", at: word,
                                hint: "close the other casefile, then open this case again")
        }
        // Changing the case now would start a new journal over the one an earlier session
        // left: that work would be lost. It must be recovered or dropped first.
        if let earlier = earlierJournal, command.changesCase, !command.runsOverPendingJournal {
            return CommandError("this case has unsaved work from a session that ended without saving (\(earlier.steps.count) command\(earlier.steps.count == 1 ? "" : "s"))",
                                at: word,
                                hint: "recover brings it back, recover --show lists it, recover --discard drops it")
        }
        return nil
    }
}
