import Foundation

/// One writer at a time: an advisory lock (flock) on `.NAME.rec.lock` beside the case
/// (beside the file a symbolic link finally names, so every way to the file finds the
/// same lock), plus a flock on the case file's own inode, so a hard link — another name
/// with another lock file — is found too. The lock file holds the owner's pid and start
/// time, written only through the descriptor that holds the lock. The kernel drops the
/// locks when their process dies, so a lock left by a crashed shell is simply taken over.
///
/// Never abused: the lock file is opened with `O_NOFOLLOW` and without truncation, and
/// used only when it is a regular file with one name (a symbolic link, a hard link to
/// another file, a FIFO or a folder planted there is refused, never written through).
public final class CaseLock: @unchecked Sendable {
    /// Who holds a lock that could not be taken.
    public struct Holder: Sendable, Equatable {
        /// The holder's process id, when it wrote one.
        public var pid: Int32?
        /// Since when, as written by the holder.
        public var since: String?
        /// Set when the file is held under another of its names (a hard link).
        public var otherName: Bool = false

        /// `pid 1234, since 2026-11-25T14:02:00Z`.
        public var description: String {
            if otherName { return "under another name: a hard link to the same file" }
            let parts = [pid.map { "pid \($0)" }, since.map { "since \($0)" }].compactMap { $0 }
            return parts.isEmpty ? "holder unknown" : parts.joined(separator: ", ")
        }
    }

    /// The lock file's path.
    public let path: String
    /// Whether the holder's pid could be written (false: the lock file is another user's,
    /// read-only to us; flock still holds on a read-only descriptor).
    public let wroteHolder: Bool
    private var fd: Int32
    private var caseFD: Int32 = -1
    /// Guards the descriptors: `releaseEveryHeld` may run on another thread.
    private let guarding = NSLock()

    private init(path: String, fd: Int32, wroteHolder: Bool) {
        self.path = path
        self.fd = fd
        self.wroteHolder = wroteHolder
        Self.held.withLock { $0[ObjectIdentifier(self)] = Weak(lock: self) }
    }

    /// Every lock this process holds, so one that must end in a hurry gives them up.
    private struct Weak { weak var lock: CaseLock? }
    private static let held = HeldLocks()

    /// Gives up every lock this process holds, from any thread: for the termination
    /// watchdog, when the main thread is stuck (blocked writing to a full pipe) and the
    /// process is about to `_exit` without reaching a safe point.
    public static func releaseEveryHeld() {
        for entry in held.withLock({ Array($0.values) }) { entry.lock?.release() }
    }

    private final class HeldLocks: @unchecked Sendable {
        private let mutex = NSLock()
        private var locks: [ObjectIdentifier: Weak] = [:]
        func withLock<T>(_ body: (inout [ObjectIdentifier: Weak]) -> T) -> T {
            mutex.lock()
            defer { mutex.unlock() }
            return body(&locks)
        }
    }

    /// The lock file's path for the case at `casePath` (beside the file it resolves to).
    public static func path(for casePath: String) -> String {
        CasePaths.beside(casePath, suffix: ".lock")
    }

    /// Takes the lock for `casePath`, or says who holds it or why it cannot be used.
    public static func acquire(for casePath: String, now: String) -> Result<CaseLock, LockFailure> {
        let path = path(for: casePath)
        // A holder releasing unlinks the name: a lock taken on an unlinked file is retried.
        for _ in 0..<16 {
            var writable = true
            var fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
            if fd < 0, errno == EACCES || errno == EROFS || errno == EPERM {
                // Another user's lock file, or a read-only folder: flock works read-only too.
                writable = false
                fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            }
            guard fd >= 0 else { return .failure(.unusable(path: path, reason: reason(opening: path, errno: errno))) }
            var info = stat()
            guard fstat(fd, &info) == 0 else {
                close(fd)
                return .failure(.unusable(path: path, reason: String(cString: strerror(errno))))
            }
            let kind = FileKind(mode: info.st_mode)
            if kind != .regular || info.st_nlink != 1 {
                close(fd)
                let why = kind != .regular ? "not a regular file: \(kind.phrase)" : "it has \(info.st_nlink) names (hard links)"
                return .failure(.unusable(path: path, reason: why))
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                let holder = readHolder(fd)
                close(fd)
                if code == EWOULDBLOCK { return .failure(.held(holder)) }
                return .failure(.unusable(path: path, reason: String(cString: strerror(code))))
            }
            var named = stat()
            guard lstat(path, &named) == 0, named.st_dev == info.st_dev, named.st_ino == info.st_ino else {
                close(fd)
                continue
            }
            if writable {
                // A regular file of one name that we hold: rewriting it touches nothing else.
                let text = Array("pid \(getpid())\nsince \(now)\n".utf8)
                if ftruncate(fd, 0) != 0 || pwrite(fd, text, text.count, 0) != text.count { writable = false }
            }
            let lock = CaseLock(path: path, fd: fd, wroteHolder: writable)
            if !lock.lockCaseFile(casePath) {
                lock.release()
                return .failure(.held(Holder(otherName: true)))
            }
            return .success(lock)
        }
        return .failure(.unusable(path: path, reason: "it kept being replaced while it was taken"))
    }

    /// After a save replaced the case file (a new inode), locks the new one.
    public func caseFileWasReplaced(_ casePath: String) {
        guarding.lock()
        defer { guarding.unlock() }
        guard fd >= 0 else { return }
        _ = lockCaseFile(casePath)
    }

    /// Locks the case file's inode (false when another name for it holds the lock). A case
    /// not written yet has no inode to lock: true.
    private func lockCaseFile(_ casePath: String) -> Bool {
        if caseFD >= 0 { close(caseFD) }
        caseFD = open(casePath, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard caseFD >= 0 else { return true }
        var info = stat()
        guard fstat(caseFD, &info) == 0, FileKind(mode: info.st_mode) == .regular else {
            close(caseFD)
            caseFD = -1
            return true
        }
        return flock(caseFD, LOCK_EX | LOCK_NB) == 0 || errno != EWOULDBLOCK
    }

    /// Gives the lock up and removes the file — only while it is still this lock's file,
    /// so a lock another casefile took since is never removed.
    public func release() {
        guarding.lock()
        defer { guarding.unlock() }
        guard fd >= 0 else { return }
        var mine = stat()
        var named = stat()
        if fstat(fd, &mine) == 0, lstat(path, &named) == 0, mine.st_dev == named.st_dev, mine.st_ino == named.st_ino {
            unlink(path)
        }
        close(fd)
        fd = -1
        if caseFD >= 0 { close(caseFD) }
        caseFD = -1
        Self.held.withLock { $0[ObjectIdentifier(self)] = nil }
    }

    deinit { release() }

    private static func reason(opening path: String, errno code: Int32) -> String {
        var info = stat()
        if lstat(path, &info) == 0 {
            let kind = FileKind(mode: info.st_mode)
            if kind != .regular { return "not a regular file: \(kind.phrase)" }
        }
        return String(cString: strerror(code))
    }

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
    /// The lock file cannot be made or used (a read-only folder; a symbolic link, a
    /// folder or a FIFO in its place): the case opens read-only.
    case unusable(path: String, reason: String)

    /// `is open in another casefile (pid 1234, since …)` or `cannot lock it: …`.
    public var description: String {
        switch self {
        case let .held(holder): return "is open in another casefile (\(holder.description))"
        case let .unusable(path, reason): return "cannot be locked (\(path): \(reason))"
        }
    }
}
