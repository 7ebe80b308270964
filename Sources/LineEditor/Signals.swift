internal import CEditLine
import Foundation

/// Signals for an interactive shell: Ctrl-C while a command runs, and SIGTERM/SIGHUP
/// (a `kill`, a closed terminal window).
///
/// The C handler only sets flags and writes a byte to wake-up pipes;
/// all real work happens on the caller's thread at a safe point:
/// - SIGINT sets `interruptRequested`; long commands poll it and stop early.
/// - SIGTERM/SIGHUP are remembered; the registered termination hooks run (e.g. flush
///   the history, save a recovery copy) and the process exits with 128 + the signal —
///   from inside `readLine` when the signal arrives while waiting for input, or from
///   `exitIfTerminationRequested()` which the shell calls between commands.
/// - If the main thread reaches no safe point within `terminationGracePeriod` seconds
///   (a command that never polls), a watchdog thread exits without running the hooks.
public enum Signals {
    /// Whether Ctrl-C (SIGINT) arrived since the flag was last reset. Long-running commands
    /// poll it at safe points and stop; set it to `false` before starting a command.
    /// A termination signal sets it too, so long commands stop before the process exits.
    public static var interruptRequested: Bool {
        get { cf_sig_interrupt_flag() != 0 }
        set { cf_sig_set_interrupt_flag(newValue ? 1 : 0) }
    }

    /// The termination signal (SIGTERM or SIGHUP) that arrived, if any.
    public static var terminationSignal: Int32? {
        let signal = cf_sig_terminate_signal()
        return signal == 0 ? nil : signal
    }

    /// Seconds the watchdog waits for a safe point before exiting without the hooks.
    public static var terminationGracePeriod: Double {
        get { state.withLock { $0.gracePeriod } }
        set { state.withLock { $0.gracePeriod = newValue } }
    }

    /// Installs the SIGINT handler that only sets `interruptRequested` (so Ctrl-C while a
    /// command runs never kills the shell). Idempotent.
    public static func installInterruptHandler() {
        _ = wakeDescriptor
        _ = cf_sig_install(SIGINT)
    }

    /// Registers `hook` to run (on the thread that reaches the safe point, in registration
    /// order, once) before the process exits because of SIGTERM or SIGHUP. Installs the
    /// handlers for those signals. Hooks should be quick: flush, write, return.
    public static func onTermination(_ hook: @escaping () -> Void) {
        state.withLock { $0.hooks.append(hook) }
        installTerminationHandlers()
    }

    /// Registers `hook` for the watchdog: when the main thread reaches no safe point in
    /// time (blocked writing to a full pipe, a command that never polls), the watchdog
    /// runs these on its own thread just before it exits, instead of leaving with
    /// nothing done. They must be safe while the main thread is stuck anywhere: give
    /// up a lock file (`CaseLock.releaseEveryHeld`), nothing that touches its state.
    public static func onStuckTermination(_ hook: @escaping @Sendable () -> Void) {
        state.withLock { $0.stuckHooks.append(hook) }
        installTerminationHandlers()
    }

    /// For a process without a terminal (`casefile run`, `casefile import`): Ctrl-C
    /// (SIGINT) ends it as SIGTERM does, running the termination hooks, rather than
    /// only setting `interruptRequested` (which a blocked write would never see).
    public static func installInterruptAsTermination() {
        cf_sig_set_int_terminates(1)
        installTerminationHandlers()
        _ = cf_sig_install(SIGINT)
    }

    /// If SIGTERM or SIGHUP arrived: runs the termination hooks and exits with status
    /// 128 + signal. Otherwise returns at once. Call it between commands.
    public static func exitIfTerminationRequested() {
        guard let signal = terminationSignal else { return }
        let hooks = state.withLock { state -> [() -> Void] in
            defer { state.hooks = [] }
            return state.hooks
        }
        for hook in hooks { hook() }
        fflush(nil)
        exit(128 + signal)
    }

    /// Installs the SIGTERM/SIGHUP handlers and the watchdog thread. Idempotent; the
    /// terminal reader calls it so a kill while the tty is raw still restores it.
    static func installTerminationHandlers() {
        let first = state.withLock { state -> Bool in
            defer { state.terminationInstalled = true }
            return !state.terminationInstalled
        }
        guard first else { return }
        _ = wakeDescriptor
        _ = cf_sig_install(SIGTERM)
        _ = cf_sig_install(SIGHUP)
        let watchdog = Thread {
            guard cf_sig_wait_termination() == 0 else { return }
            let grace = terminationGracePeriod
            Thread.sleep(forTimeInterval: grace)
            // The main thread reached no safe point: leave without touching its state,
            // doing only what is safe from here (a lock file must not outlive us).
            for hook in state.withLock({ $0.stuckHooks }) { hook() }
            _exit(128 + cf_sig_terminate_signal())
        }
        watchdog.name = "casefile-termination-watchdog"
        watchdog.start()
    }

    /// Installs the SIGWINCH handler that lets the terminal reader follow window resizes.
    public static func installResizeHandler() {
        _ = wakeDescriptor
        _ = cf_sig_install(SIGWINCH)
    }

    /// How many times the window was resized: output laid out at the terminal's width
    /// reads the width again when this changed.
    public static var resizeCount: Int { Int(cf_sig_resize_count()) }

    /// Whether the window was resized since the last call.
    static func takeResize() -> Bool { cf_sig_take_resize() != 0 }

    /// The read end of the wake-up pipe the handler writes to; readers poll it next to
    /// their input so a signal cannot slip in between checking a flag and blocking.
    static let wakeDescriptor: Int32 = cf_sig_setup()

    /// Empties the wake-up pipe. Readers call it, then check the flags, then poll.
    static func drainWakeups() { cf_sig_drain() }

    private struct State {
        var hooks: [() -> Void] = []
        var stuckHooks: [@Sendable () -> Void] = []
        var gracePeriod: Double = 5
        var terminationInstalled = false
    }

    private final class Locked: @unchecked Sendable {
        private let lock = NSLock()
        private var value = State()
        func withLock<T>(_ body: (inout State) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&value)
        }
    }

    private static let state = Locked()
}
