import Foundation

/// Runs a Python program from the test virtual environment (`ExternalReader.python`) on
/// files an export wrote: the real readers (translate-toolkit, followthemoney, lxml,
/// html5lib, csv) check them. The program prints what it found; a failure is its output.
public enum PythonCheck {
    /// Whether Python with `modules` is there; prints a note (outside CI) or throws (in CI)
    /// when it is not, so a test never passes without its reader silently.
    public static func available(_ modules: [String], for what: String) throws -> Bool {
        try ExternalReader.require(ExternalReader.pythonHas(modules), what)
    }

    /// Runs `program` with `arguments`; returns its standard output, or throws with what it
    /// printed when it exits non-zero.
    public static func run(_ program: String, _ arguments: [String] = []) throws -> String {
        guard let python = ExternalReader.python else { throw ExternalReader.MissingReader(what: "python in .build/venv") }
        let folder = try TemporaryFolder()
        let script = try folder.write("check.py", program)
        // Run from the temporary folder: a package folder as the working directory can shadow modules.
        let output = try ProcessRunner.run(python, [script] + arguments, directory: folder.path)
        guard output.status == 0 else { throw Failed(output: output.stdout + output.stderr) }
        return output.stdout
    }

    /// A check that did not pass, with what the program printed.
    public struct Failed: Error, CustomStringConvertible {
        /// The program's output.
        public let output: String
        public var description: String { output }
    }
}
