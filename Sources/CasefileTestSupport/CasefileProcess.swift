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
        if let explicit = ProcessInfo.processInfo.environment["CASEFILE_BINARY"] { return explicit }
        var starts: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe))
        }
        starts.append(Bundle.main.executableURL ?? URL(fileURLWithPath: Swift.CommandLine.arguments[0]))
        for start in starts {
            var folder = start.resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("casefile").path
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate) {
                    return candidate
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        throw NotBuilt()
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
        let folder = try TemporaryFolder()
        let inPath = try folder.write("stdin", stdin)
        let outPath = folder.file("stdout")
        let errPath = folder.file("stderr")
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer {
            try? input.close()
            try? output.close()
            try? errors.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "", status: status)
    }
}
