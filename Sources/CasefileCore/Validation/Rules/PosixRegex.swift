/// A POSIX extended regular expression, as recutils writes them (`regcomp` with
/// `REG_EXTENDED`), for the `regexp` type and the `~` operator. Matching searches the
/// value (it is not anchored unless the pattern says so). Compiled to `EREProgram` and
/// matched in linear time within a `RegexBudget`, not by glibc's `regexec`, whose
/// backtracking a hostile pattern such as `(a+)+$` turns quadratic or worse.
final class PosixRegex: @unchecked Sendable {
    /// The pattern as written.
    let pattern: String
    private let program: EREProgram

    /// Compiles `pattern`; nil when it is not a valid extended regular expression.
    convenience init?(_ pattern: String) {
        guard case .success(let regex) = Self.compile(pattern) else { return nil }
        self.init(pattern: pattern, program: regex)
    }

    private init(pattern: String, program: EREProgram) {
        self.pattern = pattern
        self.program = program
    }

    /// The compiled `pattern`, or why it is not one casefile matches.
    static func compile(_ pattern: String) -> Result<EREProgram, EREProgram.Failure> {
        do { return .success(try EREProgram(pattern)) } catch { return .failure(error) }
    }

    /// Whether the pattern matches somewhere in `text`, within `budget`.
    func match(_ text: String, budget: RegexBudget) -> EREProgram.Outcome {
        program.search(text, budget: budget)
    }
}
