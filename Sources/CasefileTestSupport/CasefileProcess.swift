import Foundation

/// Runs the built `casefile` executable as a user would, for the tests of `casefile run`
/// and of scripts on standard input.
public enum CasefileProcess {
    /// What a finished run printed and how it ended.
    public struct Result: Sendable {
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
        /// The exit status (128 + the signal's number when a signal ended it).
        public var status: Int32
    }

    /// The `casefile` binary: `$CASEFILE_BINARY`, or the one built beside the running tests.
    public static func binary() throws -> String {
        guard let path = CasefileBinary.path else { throw NotBuilt() }
        return path
    }

    /// The binary is not next to the tests.
    public struct NotBuilt: Error, CustomStringConvertible {
        public var description: String { "casefile is not built next to the tests: run `swift build --build-tests` first" }
    }

    /// Runs `casefile arguments…` with `stdin` as standard input (a file, never a terminal),
    /// the environment of the tests with `environment` on top (a nil value removes a
    /// variable), in `directory`.
    public static func run(_ arguments: [String], stdin: String = "", environment: [String: String?] = [:],
                           directory: String? = nil) throws -> Result {
        let output = try ProcessRunner.run(try binary(), arguments, environment: environment.compactMapValues { $0 },
                                           removing: environment.filter { $0.value == nil }.map(\.key),
                                           stdin: stdin, directory: directory)
        return Result(stdout: output.stdout, stderr: output.stderr, status: output.status)
    }
}
