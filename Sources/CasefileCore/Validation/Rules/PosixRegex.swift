#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A POSIX extended regular expression, as recutils compiles them (`regcomp` with
/// `REG_EXTENDED`), for the `regexp` type and the `~` operator. Matching searches the
/// value (it is not anchored unless the pattern says so).
final class PosixRegex: @unchecked Sendable {
    /// The pattern as written.
    let pattern: String
    private var compiled = regex_t()
    private var valid = false

    /// Compiles `pattern`; nil when it is not a valid extended regular expression.
    init?(_ pattern: String) {
        self.pattern = pattern
        valid = regcomp(&compiled, pattern, REG_EXTENDED | REG_NOSUB) == 0
        if !valid { return nil }
    }

    deinit { if valid { regfree(&compiled) } }

    /// Whether the pattern matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        regexec(&compiled, text, 0, nil, 0) == 0
    }
}
