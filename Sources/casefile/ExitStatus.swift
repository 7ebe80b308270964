import ArgumentParser
import CasefileCore

/// The one table of exit statuses, for every subcommand (the README lists it, and a test
/// checks each subcommand against it):
///
/// | status | meaning |
/// |---|---|
/// | 0 | done: check found no problem, search found hits, diff found no difference, revision --check: the log explains the file |
/// | 1 | the answer is no, or the data or script has errors: check found problems, a case file or script with errors (run, fmt, log, revision), fmt --check a file not canonical, search no hits, diff differences, merge conflicts, revision: the log does not explain the file |
/// | 2 | trouble: misuse of the command line (an unknown option, a bad query), a file that cannot be read (missing, a folder, no permission); for search, diff and merge also a file that is not a readable case |
enum ExitStatus: Int32 {
    case success = 0
    case no = 1
    case trouble = 2

    /// The status as an error to throw from `run()`.
    var exit: ExitCode { ExitCode(rawValue) }

    /// What a case file that did not load means: a file that cannot be read at all is
    /// trouble; one with errors in it is 1, except for `search` and `diff`, whose 1 means
    /// "no" (nothing found, files differ), as grep's and diff's does: for them it is trouble.
    static func of(_ error: LoadError, oneMeansNo: Bool = false) -> ExitStatus {
        error.cannotRead == nil && !oneMeansNo ? .no : .trouble
    }

    /// The README's table, as Markdown rows.
    static let table = """
        | status | meaning |
        |---|---|
        | 0 | done: `check` found no problem, `search` found hits, `diff` found no difference, `revision --check`: the log explains the file |
        | 1 | the answer is no, or the data or script has errors: `check` found problems, a case file or script with errors (`run`, `fmt`, `log`, `revision`), `fmt --check` a file not canonical, `search` no hits, `diff` differences, `merge` conflicts, `revision`: the log does not explain the file |
        | 2 | trouble: misuse of the command line (an unknown option, a bad query), a file that cannot be read (missing, a folder, no permission); for `search`, `diff` and `merge` also a file that is not a readable case |
        """
}
