import CasefileTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `fault-helper` running beside the test: requests go to its standard input, its
/// report lines (and its children's) are read from its standard output with timeouts,
/// so a stuck helper fails the test instead of hanging it.
final class HelperProcess {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors: FileHandle
    private let errorPath: String
    private var buffer: [UInt8] = []
    /// Every line read so far, for failure messages.
    private(set) var transcript: [String] = []

    /// Starts `fault-helper` with `arguments`.
    init(_ arguments: [String], folder: TemporaryFolder) throws {
        errorPath = folder.file("helper-stderr")
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.path(of: "fault-helper"))
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let fd = output.fileHandleForReading.fileDescriptor
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    /// Ends the helper and the children it forked: SIGTERM, and SIGKILL to its whole process
    /// group when it is still there after a grace (a child stuck on a lock would otherwise
    /// keep the test, and CI, waiting for ever).
    deinit {
        try? input.fileHandleForWriting.close()
        let group = process.processIdentifier
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if group > 0 { _ = kill(-group, SIGKILL) }
        process.waitUntilExit()
        try? errors.close()
    }

    /// Sends one request line.
    func send(_ line: String) throws {
        try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    /// The next line, or nil when none came within `timeout` seconds.
    func nextLine(timeout: Double) throws -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                transcript.append(line)
                return line
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return nil }
            var poller = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&poller, 1, Int32(min(left, 1) * 1000) + 1)
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(output.fileHandleForReading.fileDescriptor, &chunk, chunk.count)
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
            } else if count == 0 {
                throw HelperFailure("fault-helper closed its output", self)
            }
        }
    }

    /// Reads lines until one satisfies `done`; returns all of them, that one last.
    func lines(until done: (String) -> Bool, timeout: Double = 120) throws -> [String] {
        var seen: [String] = []
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            guard let line = try nextLine(timeout: deadline.timeIntervalSinceNow) else {
                throw HelperFailure("no answer from fault-helper within \(Int(timeout)) s", self)
            }
            seen.append(line)
            if line.hasPrefix("failed ") { throw HelperFailure(line, self) }
            if done(line) { return seen }
        }
    }

    /// What the helper wrote to standard error.
    var standardError: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }
}

/// The helper did not answer as expected; carries the end of its transcript.
struct HelperFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String, _ helper: HelperProcess) {
        description = message + "\nlast lines:\n" + helper.transcript.suffix(30).joined(separator: "\n")
            + "\nstderr:\n" + String(helper.standardError.suffix(2000))
    }
}
