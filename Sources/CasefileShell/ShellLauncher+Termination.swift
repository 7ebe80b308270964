import CasefileCore
import LineEditor

extension ShellLauncher {
    /// What every way out on a signal does, in the shell and in `casefile run` alike: at
    /// the next safe point the journal is flushed and the lock given up (then `extra`
    /// runs); when the main thread reaches none in time (blocked writing to a full pipe),
    /// the watchdog still gives the lock up before it exits, so no `.NAME.rec.lock` is
    /// left behind either way. The journal needs nothing then: what write(2) took
    /// survives the process.
    public static func cleanUpOnTermination(_ notebook: Notebook, extra: @escaping () -> Void = {}) {
        Signals.onTermination {
            notebook.syncJournal()
            notebook.releaseLock()
            extra()
        }
        Signals.onStuckTermination { CaseLock.releaseEveryHeld() }
    }
}
