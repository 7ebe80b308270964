import CasefileCore
import CasefileShell
import LineEditor

/// Signals during `casefile run` and `casefile import`: SIGTERM, SIGHUP and Ctrl-C end
/// the replay at the next command boundary, with the lock given up and the journal kept,
/// as in the shell; a replay stuck in a write (a full stderr pipe nobody reads) is ended
/// by the watchdog after `gracePeriod` seconds, the lock still given up.
enum ReplaySignals {
    /// Seconds a stuck replay has to reach a safe point: short, nobody is typing.
    static let gracePeriod = 2.0

    /// Installs the handlers for `notebook`'s replay.
    static func install(_ notebook: Notebook) {
        notebook.isInterrupted = { Signals.interruptRequested }
        Signals.terminationGracePeriod = gracePeriod
        Signals.installInterruptAsTermination()
        ShellLauncher.cleanUpOnTermination(notebook)
    }

    /// Ends the process (128 + the signal) when one arrived; otherwise returns.
    static func exitIfRequested() { Signals.exitIfTerminationRequested() }
}
