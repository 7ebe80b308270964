import Foundation

/// The real programs that read what casefile writes (Graphviz, Chromium, Python with
/// followthemoney, translate-toolkit, lxml and wacz), found the way `scripts/test.sh`
/// installs them.
///
/// A test that needs one asks `require(_:)`: when the program is missing the test says so
/// on standard output, and under `CI=true` (where `scripts/test.sh` has installed every one)
/// the missing reader is a failure, never a silent pass.
public enum ExternalReader {
    /// Python from the test virtual environment (`CASEFILE_TEST_PYTHON`, else
    /// `.build/venv/bin/python` of the package), or nil.
    public static let python: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["CASEFILE_TEST_PYTHON"], FileManager.default.isExecutableFile(atPath: given) {
            return given
        }
        let local = SharedFixtures.packageRoot + "/.build/venv/bin/python"
        return FileManager.default.isExecutableFile(atPath: local) ? local : nil
    }()

    /// Whether this run is CI's, where every reader must be present.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The path of `program` on `PATH`, or nil.
    public static func tool(_ program: String) -> String? { ProcessRunner.which(program) }

    /// Whether Python in the test environment can import every module in `modules`.
    public static func pythonHas(_ modules: [String]) -> Bool {
        guard let python else { return false }
        let check = (try? ProcessRunner.run(python, ["-c", "import " + modules.joined(separator: ", ")]))
        return check?.status == 0
    }

    /// Says whether a reader is available for `what`; prints a visible note when it is not.
    /// Returns false (skip the rest of the test) only outside CI; in CI it throws.
    public static func require(_ available: Bool, _ what: String) throws -> Bool {
        if available { return true }
        if isCI { throw MissingReader(what: what) }
        print("note: \(what) is not installed; this check did not run (scripts/test.sh installs it)")
        return false
    }

    /// A reader that CI must have and does not.
    public struct MissingReader: Error, CustomStringConvertible {
        /// What is missing.
        public let what: String
        /// The message a failing test shows.
        public var description: String { "\(what) is missing in CI: scripts/test.sh should have installed it" }
    }
}
