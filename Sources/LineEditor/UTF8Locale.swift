internal import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Setting up the C locale so libedit handles non-ASCII text.
public enum UTF8Locale {
    /// Sets the locale from the environment (`setlocale(LC_ALL, "")`); when its codeset is
    /// not UTF-8 (`LANG=C`, unset, or a locale not installed) sets `LC_CTYPE` to `C.UTF-8`.
    /// Without this libedit silently drops every non-ASCII byte. Numbers stay in the "C"
    /// locale so nothing parses or prints `3,5` for 3.5. Returns whether the codeset is
    /// UTF-8 afterwards. Safe to call more than once.
    @discardableResult
    public static func activate() -> Bool {
        setlocale(LC_ALL, "")
        setlocale(LC_NUMERIC, "C")
        if isUTF8 { return true }
        setlocale(LC_CTYPE, "C.UTF-8")
        return isUTF8
    }

    /// Whether the current LC_CTYPE codeset is UTF-8.
    public static var isUTF8: Bool {
        guard let codeset = cf_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
