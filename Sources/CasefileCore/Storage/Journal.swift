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
    /// Whether a sync is asked for after the one under way (one is enough, however many
    /// writes land meanwhile: a timer per write filled the timer queue on long replays).
    private var followUpScheduled = false
    private let followUpLock = NSLock()
    /// How long a write may wait for its fdatasync.
    static let syncInterval: TimeInterval = 0.1

    /// The journal's path for the case at `casePath`.
    public static func path(for casePath: String) -> String {
        CasePaths.beside(casePath, suffix: ".journal")
    }

    /// Where a new journal is written until its first record is whole (then renamed to
    /// `path`), or nil once it is there. A journal already at `path` (the one `recover`
    /// is replaying, or one a failed write tore) stays until the new one can replace it
    /// whole: a kill at any moment leaves one or the other, never less.
    private var temporaryPath: String?
    /// Whether the folder still needs an fsync for the journal's name to survive a power
    /// loss (done with the first fdatasync, off the command's path).
    private var folderSyncPending = false
    /// The entries this journal already holds whole: their later changes are journaled as
    /// the fields that changed, so the journal grows with the changes, not the entries.
    private var writtenWhole: Set<String> = []

    /// Starts a new journal for `casePath`, whose bytes on disk hash to `baseHash`.
    public init(casePath: String, baseHash: UInt64?, revision: Int, started: String) throws(StorageError) {
        path = Journal.path(for: casePath)
        // With no journal in the way, this one starts in its place: a kill before its
        // first record leaves a journal of no command, which reads as nothing to recover,
        // and the first command then costs a write, not a sync, a rename and a folder sync.
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_APPEND | O_CLOEXEC, 0o600)
        if fd >= 0 {
            folderSyncPending = true
        } else {
            let temporary = path + ".new"
            temporaryPath = temporary
            // Never through a link planted at that name: a stale one is removed, then made anew.
            unlink(temporary)
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_APPEND | O_CLOEXEC, 0o600)
        }
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
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Whether the journal holds entry `id` whole, so that an `edit` of it can be written.
    func holdsWhole(_ id: String) -> Bool { writtenWhole.contains(id) }

    /// Appends what one command did; durable within 100 ms.
    /// `current` gives an entry as the command left it: an edit of an entry this journal
    /// does not hold whole is written as that entry instead (and the command's later steps
    /// on it are then in it already).
    func append(command: String, recorder: JournalRecorder, at time: String,
                current: (String) -> Entry? = { _ in nil }) throws(StorageError) {
        var record: [UInt8] = [FieldEncoding.newline]
        FieldEncoding.append(name: "At", value: time, to: &record)
        FieldEncoding.append(name: "Command", value: command, to: &record)
        if recorder.removedLogLines > 0 {
            FieldEncoding.append(name: "Unlog", value: String(recorder.removedLogLines), to: &record)
        }
        for line in recorder.addedLogLines { FieldEncoding.append(name: "Log", value: line, to: &record) }
        // Entries written as the command left them: its later steps on them are in that.
        var settled: Set<String> = []
        var count = 0
        func settle(_ id: String) {
            guard settled.insert(id).inserted else { return }
            let now = current(id)
            let text = JournalCoding.encode(.entry(old: now == nil ? Entry(kind: .person, id: id) : nil, new: now),
                                            written: &writtenWhole)
            FieldEncoding.append(name: "Change", value: text, to: &record)
            count += 1
        }
        for step in recorder.steps {
            switch step {
            case let .change(.entry(old, new), _) where settled.contains(old?.id ?? "") || settled.contains(new?.id ?? ""):
                // A step on a settled entry (a rename of it): the other side is settled too.
                for id in [old?.id, new?.id].compactMap({ $0 }) { settle(id) }
            case let .change(change, unchanged):
                FieldEncoding.append(name: "Change", value: JournalCoding.encode(change, written: &writtenWhole, keepingFirst: unchanged),
                                     to: &record)
                count += 1
            case let .edit(id, at, removed, added) where writtenWhole.contains(id) && !settled.contains(id):
                FieldEncoding.append(name: "Change", value: JournalCoding.edit(id, at: at, removed: removed, added: added), to: &record)
                count += 1
            case let .edit(id, _, _, _):
                // Not held whole (the notebook edits in place only what the journal holds,
                // but a case without a file yet has no journal to ask): written whole.
                settle(id)
            }
        }
        // The marker says the record is whole: a record torn by a crash has none.
        FieldEncoding.append(name: "Done", value: String(count), to: &record)
        // Written at once (a killed process loses nothing the kernel has); made durable
        // against power loss by fdatasync at most every 100 ms.
        try write(record)
        if let temporary = temporaryPath {
            // The first record: make it durable, then put the journal in its place.
            syncNow()
            guard rename(temporary, path) == 0 else {
                throw .cannotWrite(path: path, step: "rename journal", errno: errno)
            }
            temporaryPath = nil
            let folder = open(AtomicFile.parentFolder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folder >= 0 {
                fsync(folder)
                close(folder)
            }
        } else {
            scheduleSync()
        }
    }

    /// Flushes now (on quit, SIGTERM, SIGHUP).
    public func syncNow() {
        lock.lock()
        defer { lock.unlock() }
        // Cleared first: a write landing during the sync schedules another.
        syncPending = false
        lastSync = Date()
        if fd >= 0 { fdatasync(fd) }
        if folderSyncPending {
            folderSyncPending = false
            let folder = open(AtomicFile.parentFolder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folder >= 0 {
                fsync(folder)
                close(folder)
            }
        }
    }

    /// Deletes the journal (after a save, or when the changes were deliberately dropped).
    public func remove() {
        lock.lock()
        if fd >= 0 { close(fd) }
        fd = -1
        lock.unlock()
        // A journal never renamed into place is only its temporary file; the one at `path`
        // (an earlier session's) is not this journal's to remove.
        unlink(temporaryPath ?? path)
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

    /// Makes what was written durable within `syncInterval`, on another thread: a command
    /// never waits for the disk (a sync costs a millisecond or more, the whole budget of
    /// a command on a large case). A sync under way holds the lock, so a write landing
    /// then waits here only if it is the first since that sync began.
    private func scheduleSync() {
        guard lock.try() else {
            // A sync is running: it has cleared `syncPending`, so ask for another after it.
            followUpLock.lock()
            let schedule = !followUpScheduled
            followUpScheduled = true
            followUpLock.unlock()
            if schedule {
                DispatchQueue.global().asyncAfter(deadline: .now() + Self.syncInterval) { [weak self] in
                    guard let self else { return }
                    self.followUpLock.lock()
                    self.followUpScheduled = false
                    self.followUpLock.unlock()
                    self.syncNow()
                }
            }
            return
        }
        let alreadyPending = syncPending
        syncPending = true
        let wait = max(0, Self.syncInterval - Date().timeIntervalSince(lastSync))
        lock.unlock()
        if !alreadyPending {
            DispatchQueue.global().asyncAfter(deadline: .now() + wait) { [weak self] in self?.syncNow() }
        }
    }
}

/// Changes written as text in the journal: `put` or `remove`, then the record as a small recfile.
enum JournalCoding {
    /// `change` as journal text: an entry the journal already holds whole (`written`) and
    /// changed in place is written as `edit AT REMOVED ID` and the fields put there.
    static func encode(_ change: Change, written: inout Set<String>, keepingFirst unchanged: Int = 0) -> String {
        if case let .entry(old?, new?) = change, old.id == new.id, old.kind == new.kind, old.comments == new.comments,
           written.contains(old.id) {
            let run = FieldRun.between(old.fields, new.fields, keepingFirst: unchanged)
            return edit(old.id, at: run.at, removed: run.oldEnd - run.at, added: new.fields[run.at..<run.newEnd])
        }
        if case let .entry(old, new) = change {
            if let old { written.remove(old.id) }
            if let new { written.insert(new.id) }
        }
        return encode(change)
    }

    /// `edit AT REMOVED ID` and the fields put there: entry `id`'s fields `at..<at + removed`
    /// became `added` (the journal holds the entry whole already).
    static func edit(_ id: String, at: Int, removed: Int, added: some Collection<Field>) -> String {
        var out = Array("edit \(at) \(removed) \(id)\n".utf8)
        FieldEncoding.append(name: "%rec", value: "Fields", to: &out)
        out.append(FieldEncoding.newline)
        for field in added { FieldEncoding.append(name: field.name, value: field.value, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    static func encode(_ change: Change) -> String {
        // Written directly (no whole-case writer per change): `put` or `remove`, then the
        // record as a one-record recfile that CaseReader reads back.
        var out: [UInt8] = []
        func descriptor(_ verb: String, _ type: String) {
            out.append(contentsOf: (verb + "\n").utf8)
            FieldEncoding.append(name: "%rec", value: type, to: &out)
            out.append(FieldEncoding.newline)
        }
        func fields(_ list: [Field]) { for field in list { FieldEncoding.append(name: field.name, value: field.value, to: &out) } }
        switch change {
        case let .entry(old, new):
            guard let record = new ?? old else { return "" }
            descriptor(new == nil ? "remove" : "put", record.kind.recordType)
            FieldEncoding.append(name: "Id", value: record.id, to: &out)
            fields(record.fields)
        case let .link(old, new):
            guard let record = new ?? old else { return "" }
            descriptor(new == nil ? "remove" : "put", Kind.link.recordType)
            fields([Field("From", record.key.from), Field("Rel", record.key.rel), Field("To", record.key.to)] + record.fields)
        case let .note(old, new):
            guard let record = new ?? old else { return "" }
            descriptor(new == nil ? "remove" : "put", Kind.note.recordType)
            var list = [Field("On", record.key.on)]
            if !record.key.at.isEmpty { list.append(Field("At", record.key.at)) }
            if !record.key.by.isEmpty { list.append(Field("By", record.key.by)) }
            list.append(Field("Text", record.key.text))
            fields(list + record.fields)
        case let .header(_, new):
            descriptor("header", "Casefile")
            fields(new.fields)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A journaled change: whole, or (`edit`) fields of an entry the journal holds whole.
    static func decodeStep(_ text: String) -> JournalChange? {
        guard text.hasPrefix("edit "), let newline = text.firstIndex(of: "\n") else { return decode(text).map { .whole($0) } }
        let words = text[..<newline].split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
        guard words.count == 4, let at = Int(words[1]), let removed = Int(words[2]), at >= 0, removed >= 0,
              let single = try? CaseReader.read(text: String(text[text.index(after: newline)...]), file: "journal").caseFile,
              let section = single.foreign.first(where: { $0.recordType == "Fields" }) else { return nil }
        return .edit(id: String(words[3]), at: at, removed: removed, added: section.records.first?.fields ?? [])
    }

    static func decode(_ text: String) -> Change? {
        guard let newline = text.firstIndex(of: "\n") else { return nil }
        let verb = String(text[..<newline])
        guard let single = try? CaseReader.read(text: String(text[text.index(after: newline)...]), file: "journal").caseFile
        else { return nil }
        if verb == "header" { return .header(old: single.header, new: single.header) }
        let put = verb == "put"
        guard put || verb == "remove" else { return nil }
        if let entry = single.entries.values.first { return put ? .entry(old: nil, new: entry) : .entry(old: entry, new: nil) }
        if let link = single.links.values.first { return put ? .link(old: nil, new: link) : .link(old: link, new: nil) }
        if let note = single.notes.values.first { return put ? .note(old: nil, new: note) : .note(old: note, new: nil) }
        return nil
    }
}

/// One change read back from a journal.
public enum JournalChange: Sendable {
    /// A change journaled whole.
    case whole(Change)
    /// Entry `id`'s fields `at..<at + removed` became `added`.
    case edit(id: String, at: Int, removed: Int, added: [Field])

    /// The change to apply to `entries`' current value of the entry; nil when it does not fit.
    func resolved(current: Entry?) -> Change? {
        switch self {
        case let .whole(change): return change
        case let .edit(_, at, removed, added):
            guard let current, at <= current.fields.count, removed <= current.fields.count - at else { return nil }
            var changed = current
            changed.fields.replaceSubrange(at..<(at + removed), with: added)
            return .entry(old: current, new: changed)
        }
    }
}
