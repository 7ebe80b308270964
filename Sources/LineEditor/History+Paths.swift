import Foundation

extension History {
    /// Where the history lives by default: `$XDG_STATE_HOME/casefile/history` when that is
    /// an absolute path, else `~/.local/state/casefile/history`; nil when no home is known.
    public static func defaultPath(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/casefile/history"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (getpwuid(getuid())?.pointee.pw_dir).map { String(cString: $0) }
        guard let home, home.hasPrefix("/") else { return nil }
        return home + "/.local/state/casefile/history"
    }
}
