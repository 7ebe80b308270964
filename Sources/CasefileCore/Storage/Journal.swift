import Foundation

/// The recovery journal: while a case has unsaved changes, every command that changed
/// it is appended to `.NAME.rec.journal` beside the file and flushed with fdatasync
/// (at most every 100 ms). A crash, a kill or a closed terminal loses nothing: opening
/// the case again offers to replay the journal. A save or a clean quit removes it.
///
/// The journal is itself a recfile: a `Journal` header naming the file, its content
/// hash and revision when the journal started, then one `Command` record per change.
public final class Journal: @unchecked Sendable {
    /// Where the journal is.
    public let path: String
    private var fd: Int32 = -1
    private var lastSync = Date.distantPast
    private var syncPending = false
    private let lock = NSLock()
    /// How long a write may wait for its fdatasync.
    static let syncInterval: TimeInterval = 0.1

    /// The journal's path for the case at `casePath`.
    public static func path(for casePath: String) -> String {
        let folder = AtomicFile.parentFolder(of: casePath)
        let name = casePath.split(separator: "/").last.map(String.init) ?? casePath
        return (folder == "." && !casePath.hasPrefix("./") ? "" : folder + "/") + "." + name + ".journal"
    }

    /// Starts a new journal for `casePath`, whose bytes on disk hash to `baseHash`.
    public init(casePath: String, baseHash: UInt64?, revision: Int, started: String) throws(StorageError) {
        path = Journal.path(for: casePath)
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path: path, step: "create journal", errno: errno) }
        var header: [UInt8] = []
        FieldEncoding.appendComment(" casefile recovery journal: unsaved commands for \(casePath)", to: &header)
        FieldEncoding.append(name: "%rec", value: "Journal", to: &header)
        header.append(FieldEncoding.newline)
        FieldEncoding.append(name: "Case", value: casePath, to: &header)
        FieldEncoding.append(name: "Base", value: baseHash.map { String($0, radix: 16) } ?? "none", to: &header)
        FieldEncoding.append(name: "Revision", value: String(revision), to: &header)
        FieldEncoding.append(name: "Started", value: started, to: &header)
        header.append(FieldEncoding.newline)
        FieldEncoding.append(name: "%rec", value: "Command", to: &header)
        try write(header)
        syncNow()
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Appends the command lines of one change; durable within 100 ms.
    public func append(_ lines: [String], at time: String) throws(StorageError) {
        var record: [UInt8] = [FieldEncoding.newline]
        FieldEncoding.append(name: "At", value: time, to: &record)
        for line in lines { FieldEncoding.append(name: "Command", value: line, to: &record) }
        try write(record)
        scheduleSync()
    }

    /// Flushes now (on quit, SIGTERM, SIGHUP).
    public func syncNow() {
        lock.lock()
        defer { lock.unlock() }
        if fd >= 0 { fdatasync(fd) }
        lastSync = Date()
        syncPending = false
    }

    /// Deletes the journal (after a save, or when the changes were deliberately dropped).
    public func remove() {
        lock.lock()
        if fd >= 0 { close(fd) }
        fd = -1
        lock.unlock()
        unlink(path)
    }

    private func write(_ bytes: [UInt8]) throws(StorageError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw .cannotWrite(path: path, step: "append to journal", errno: failure) }
    }

    private func scheduleSync() {
        lock.lock()
        let due = Date().timeIntervalSince(lastSync) >= Self.syncInterval
        let alreadyPending = syncPending
        if !due { syncPending = true }
        lock.unlock()
        if due {
            syncNow()
        } else if !alreadyPending {
            DispatchQueue.global().asyncAfter(deadline: .now() + Self.syncInterval) { [weak self] in self?.syncNow() }
        }
    }
}

/// A journal left behind by a session that did not save.
public struct PendingJournal: Sendable {
    /// Where it is.
    public var path: String
    /// The hash of the case file when the journal started ("none" for a new file).
    public var base: String
    /// The case's revision then.
    public var revision: Int
    /// When it started.
    public var started: String
    /// Each change: when, and its command lines.
    public var changes: [(at: String, commands: [String])]

    /// Reads the journal for `casePath`, if there is one; nil when there is none or it holds no change.
    public static func find(for casePath: String) -> PendingJournal? {
        let path = Journal.path(for: casePath)
        guard access(path, F_OK) == 0 else { return nil }
        // A journal cut short by a crash may end mid-record: read what is whole.
        guard let bytes = try? FileBytes.read(path) else { return nil }
        var text = String(decoding: bytes, as: UTF8.self)
        if !text.hasSuffix("\n"), let lastNewline = text.lastIndex(of: "\n") {
            text = String(text[...lastNewline])
        }
        guard let loaded = try? CaseReader.read(text: text, file: path) else { return nil }
        let sections = loaded.caseFile.foreign
        guard let header = sections.first(where: { $0.recordType == "Journal" })?.records.first else { return nil }
        let records = sections.first(where: { $0.recordType == "Command" })?.records ?? []
        let changes = records.map { ($0["At"] ?? "", $0.values("Command")) }.filter { !$0.1.isEmpty }
        guard !changes.isEmpty else { return nil }
        return PendingJournal(path: path, base: header["Base"] ?? "none",
                              revision: Int(header["Revision"] ?? "") ?? 0, started: header["Started"] ?? "",
                              changes: changes)
    }

    /// Every command line, in order.
    public var commands: [String] { changes.flatMap(\.commands) }
}
