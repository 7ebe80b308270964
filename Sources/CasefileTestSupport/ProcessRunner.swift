import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a finished process printed and how it ended.
public struct ProcessOutput: Sendable {
    /// Standard output, decoded as UTF-8 (invalid bytes replaced).
    public var stdout: String
    /// Standard error, decoded as UTF-8.
    public var stderr: String
    /// Standard output, as bytes.
    public var stdoutBytes: [UInt8]
    /// The exit status (or 128 + signal number when it was killed by a signal).
    public var status: Int32
}

/// Runs programs for tests, with arguments, environment and standard input. Output goes
/// through temporary files, so a chatty program cannot dead-lock on a full pipe.
public enum ProcessRunner {
    /// Runs `executable` and waits for it.
    /// - Parameters:
    ///   - environment: variables to set on top of this process's environment.
    ///   - removing: variables of this process's environment to leave out.
    ///   - stdin: bytes fed to standard input (empty: an empty input, never a terminal).
    ///   - directory: the working directory, or this process's.
    ///   - timeout: seconds after which the process is killed (SIGKILL): a test of a FIFO
    ///     or a device must fail, not hang. Its status is then 128 + 9, and stderr says so.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           removing: [String] = [], stdin: String = "", directory: String? = nil,
                           timeout: Double = 600) throws -> ProcessOutput {
        let folder = try TemporaryFolder()
        let inPath = try folder.write("stdin", stdin)
        let outPath = folder.file("stdout")
        let errPath = folder.file("stderr")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer {
            try? input.close()
            try? output.close()
            try? errors.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        for name in removing { merged[name] = nil }
        process.environment = merged
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        let outBytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data())
        var errBytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data())
        if timedOut { errBytes += Array("\n[killed after \(timeout) s: it did not finish]\n".utf8) }
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus
            : process.terminationStatus
        return ProcessOutput(stdout: String(decoding: outBytes, as: UTF8.self),
                             stderr: String(decoding: errBytes, as: UTF8.self),
                             stdoutBytes: outBytes, status: status)
    }

    /// The full path of `program` found on PATH, or nil.
    public static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
