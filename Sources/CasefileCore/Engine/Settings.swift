#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

/// Who is working and what time it is, taken from the environment once.
public struct Settings: Sendable {
    /// The name written as `By` on notes and sessions.
    public var userName: String
    /// A fixed time (from SOURCE_DATE_EPOCH), or nil for the real clock.
    public var fixedTime: Int?
    /// Whether `userName` names someone: false when nothing (config, environment, password
    /// database) gave a name and it is `unknown`; the shell then asks at the first save.
    public var hasName = true
    /// casefile's folder for per-user state (`$XDG_STATE_HOME/casefile`, else
    /// `~/.local/state/casefile`): rescue drafts of `edit`. Nil: the private temporary folder.
    public var stateFolder: String?
    /// The environment's `XDG_RUNTIME_DIR` and `TMPDIR`, for private temporary files.
    public var temporaryEnvironment: [String: String] = [:]
    /// The environment's `XDG_CACHE_HOME` and `HOME`: where the search index goes when the
    /// case's folder is not writable (empty: beside the case only).
    public var cacheEnvironment: [String: String] = [:]

    /// Creates settings.
    public init(userName: String, fixedTime: Int? = nil) {
        self.userName = userName
        self.fixedTime = fixedTime
    }

    /// Settings from the environment: the configured name, then CASEFILE_USER, then USER,
    /// then the login name in the password database (a session started by cron or a
    /// container may have no USER); SOURCE_DATE_EPOCH.
    public static func fromEnvironment(_ environment: [String: String], configuredName: String? = nil,
                                       loginName: () -> String? = Settings.loginName) -> Settings {
        let given = [configuredName, environment["CASEFILE_USER"], environment["USER"]]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
        let name = given ?? loginName().flatMap { $0.isEmpty ? nil : $0 }
        let fixed = environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
        var settings = Settings(userName: name ?? "unknown", fixedTime: fixed)
        settings.hasName = name != nil
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            settings.stateFolder = state + "/casefile"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            settings.stateFolder = home + "/.local/state/casefile"
        }
        settings.temporaryEnvironment = environment.filter { $0.key == "XDG_RUNTIME_DIR" || $0.key == "TMPDIR" }
        settings.cacheEnvironment = environment.filter { $0.key == "XDG_CACHE_HOME" || $0.key == "HOME" }
        return settings
    }

    /// The login name of the process's user in the password database, or nil.
    public static func loginName() -> String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    /// The current time as an ISO 8601 UTC date-time (`2025-11-25T12:00:00Z`).
    public func now() -> String {
        let seconds = fixedTime ?? Int(time(nil))
        return Self.iso(seconds)
    }

    /// Formats seconds since the epoch as an ISO 8601 UTC date-time.
    public static func iso(_ seconds: Int) -> String {
        var value = time_t(seconds)
        var parts = tm()
        gmtime_r(&value, &parts)
        let year = Int(parts.tm_year) + 1900
        guard (1000...9999).contains(year) else {
            func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(year)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
                + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
        }
        // Digits written into a template: every note a replay adds is stamped.
        var bytes = Array("0000-00-00T00:00:00Z".utf8)
        func put(_ number: Int, endingAt last: Int) {
            var number = number
            var index = last
            while number > 0 && index >= 0 {
                bytes[index] = UInt8(ascii: "0") + UInt8(number % 10)
                number /= 10
                index -= 1
            }
        }
        put(year, endingAt: 3)
        put(Int(parts.tm_mon) + 1, endingAt: 6)
        put(Int(parts.tm_mday), endingAt: 9)
        put(Int(parts.tm_hour), endingAt: 12)
        put(Int(parts.tm_min), endingAt: 15)
        put(Int(parts.tm_sec), endingAt: 18)
        return String(decoding: bytes, as: UTF8.self)
    }
}
