import CasefileCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Another casefile holding a case's lock: `casefile run CASE -`, which takes the lock and
/// then waits for its script on standard input, for tests of what a second writer meets.
public final class LockHolder {
    /// The running `casefile run`.
    public let process = Process()
    /// Its standard input: what is written here is its script.
    public let script = Pipe()

    /// Starts `casefile run path -` and waits (up to 20 s) until its lock names its pid.
    public init(path: String) throws {
        process.executableURL = URL(fileURLWithPath: try CasefileProcess.binary())
        process.arguments = ["run", path, "-"]
        process.standardInput = script
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while (try? String(contentsOfFile: CaseLock.path(for: path), encoding: .utf8))?.contains("pid \(pid)") != true {
            guard Date() < deadline else {
                finish()
                throw Timeout()
            }
            usleep(10_000)
        }
    }

    /// The holder's process id.
    public var pid: Int32 { process.processIdentifier }

    /// Ends its script (after `lines`, if any) and waits for it to save and exit; its status.
    @discardableResult
    public func finish(_ lines: String = "") -> Int32 {
        if !lines.isEmpty { try? script.fileHandleForWriting.write(contentsOf: Data(lines.utf8)) }
        try? script.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// `casefile run` did not take the lock in time.
    public struct Timeout: Error, CustomStringConvertible {
        public var description: String { "casefile run did not take the lock within 20 s" }
    }
}
