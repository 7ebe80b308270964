import Foundation

/// One writer at a time: an advisory lock (flock) on `.NAME.rec.lock` beside the case,
/// holding the owner's pid and start time. The kernel drops the lock when its process
/// dies, so a lock left by a crashed shell is simply taken over.
public final class CaseLock: @unchecked Sendable {
    /// Who holds a lock that could not be taken.
    public struct Holder: Sendable, Equatable {
        /// The holder's process id, when it wrote one.
        public var pid: Int32?
        /// Since when, as written by the holder.
        public var since: String?

        /// `pid 1234, since 2026-11-25T14:02:00Z`.
        public var description: String {
            [pid.map { "pid \($0)" }, since.map { "since \($0)" }].compactMap { $0 }.joined(separator: ", ")
        }
    }

    /// The lock file's path.
    public let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// The lock file's path for the case at `casePath`.
    public static func path(for casePath: String) -> String {
        let folder = AtomicFile.parentFolder(of: casePath)
        let name = casePath.split(separator: "/").last.map(String.init) ?? casePath
        return (folder == "." && !casePath.hasPrefix("./") ? "" : folder + "/") + "." + name + ".lock"
    }

    /// Takes the lock for `casePath`, or says who holds it. Nil holder and nil lock when
    /// the folder cannot hold a lock file (read-only media): the caller decides.
    public static func acquire(for casePath: String, now: String) -> Result<CaseLock, LockFailure> {
        let path = path(for: casePath)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return .failure(.cannotCreate(path: path, errno: errno)) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = readHolder(fd)
            close(fd)
            return .failure(.held(holder))
        }
        ftruncate(fd, 0)
        let text = "pid \(getpid())\nsince \(now)\n"
        _ = text.withCString { Foundation.write(fd, $0, strlen($0)) }
        return .success(CaseLock(path: path, fd: fd))
    }

    /// Gives the lock up and removes the file.
    public func release() {
        guard fd >= 0 else { return }
        unlink(path)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }

    private static func readHolder(_ fd: Int32) -> Holder {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(fd, &buffer, 255, 0)
        let text = count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : ""
        var holder = Holder()
        for line in text.split(separator: "\n") {
            if line.hasPrefix("pid ") { holder.pid = Int32(line.dropFirst(4)) }
            if line.hasPrefix("since ") { holder.since = String(line.dropFirst(6)) }
        }
        return holder
    }
}

/// Why a case could not be locked.
public enum LockFailure: Error, Sendable, Equatable {
    /// Another casefile has it open.
    case held(CaseLock.Holder)
    /// No lock file could be made beside the case.
    case cannotCreate(path: String, errno: Int32)
}
