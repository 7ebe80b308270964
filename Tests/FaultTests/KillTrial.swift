import CasefileCore
import CasefileTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One `casefile` process of a fault trial: started with its output thrown away, then
/// killed or signalled, and waited for with a deadline (a process that does not end
/// fails the test rather than hanging it).
struct KillTrial {
    let process = Process()

    /// The environment of the trials: fixed timestamps and user, so a run's output is
    /// the same bytes every time.
    static let environment = ["SOURCE_DATE_EPOCH": String(FaultCase.settings.fixedTime ?? 0), "CASEFILE_USER": "fault"]

    /// Starts `casefile arguments…` with `stdin` (a file's path) as standard input, and
    /// `standardError` (the null device unless given).
    init(_ arguments: [String], stdin: String? = nil, standardError: Any = FileHandle.nullDevice) throws {
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.path(of: "casefile"))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(Self.environment) { _, new in new }
        if let stdin { process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdin)) }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError
        try process.run()
    }

    /// Sends `signal` after `seconds`, then waits (at most `timeout` s) for the end.
    /// Whether it ended in time.
    @discardableResult
    func signal(_ signal: Int32, after seconds: Double = 0, timeout: Double = 30) -> Bool {
        if seconds > 0 { usleep(useconds_t(seconds * 1_000_000)) }
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return false
        }
        process.waitUntilExit()
        return true
    }

    /// The kill-free run the trials are judged against: `arguments(reference)` run on a
    /// copy of `path` (beside it), with `stdin`; the file it leaves, and how long it took.
    static func killFree(_ arguments: (String) -> [String], on path: String, stdin: String = "") throws
        -> (bytes: [UInt8], seconds: Double) {
        let reference = path + ".reference"
        try FileManager.default.copyItem(atPath: path, toPath: reference)
        defer { unlink(reference) }
        let started = Date()
        let clean = try CasefileBinary.run(arguments(reference), environment: environment, stdin: stdin)
        let seconds = Date().timeIntervalSince(started)
        guard clean.status == 0 else { throw KillFreeFailed(description: "the kill-free run failed: \(clean.stderr)") }
        return (try FileBytes.read(reference), seconds)
    }

    /// The run without kills did not succeed.
    struct KillFreeFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// What `casefile check` says of `path` (exit 0 and nothing on standard error when whole).
    static func check(_ path: String) throws -> ProcessOutput {
        try CasefileBinary.run(["check", path], environment: environment)
    }

    /// Temporary files of saves left in `folder`.
    static func temporaries(in folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
    }
}
