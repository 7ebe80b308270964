#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension Notebook {
    /// Opens the case at `path` (a new, empty case when no file is there yet).
    /// Returns the integrity problems found, to be shown as warnings.
    @discardableResult
    public func open(path: String) throws(LoadError) -> [Diagnostic] {
        // Locked before it is read, so nobody saves it in between; kept only if it opens.
        let (lock, lockProblem) = lockForOpening(path)
        var info = stat()
        if stat(path, &info) != 0 && errno == ENOENT {
            replaceCase(CaseFile(), path: path, hash: nil)
            adoptLock(lock, problem: lockProblem, path: path)
            lookForPendingJournal()
            return []
        }
        // A case is saved back where it was read: only a regular file can be one (a FIFO,
        // a device, a folder is refused before anything reads or replaces it).
        let kind = FileKind(mode: info.st_mode)
        if kind != .regular {
            let error: StorageError = kind == .directory ? .isDirectory(path: path) : .notRegular(path: path, kind: kind)
            throw LoadError([Diagnostic(file: path, line: 0, column: 0, message: error.description)], cannotRead: error)
        }
        let identity = SearchIndexFile.CaseIdentity(path: path)
        let result: LoadResult
        do {
            result = try CaseReader.load(path: path, validate: true)
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError([Diagnostic(file: path, line: 1, message: String(describing: error))])
        }
        // The reader notes an empty descriptor for every record type it meets, and the
        // writer then keeps that type's section even after its last record is removed; a
        // case built by commands has none. Dropping them makes what a save writes the same
        // whether or not the case was read from disk, so the session log replays to it.
        var loaded = result.caseFile
        loaded.descriptorExtras = loaded.descriptorExtras.filter { !$0.value.isEmpty }
        replaceCase(loaded, path: path, hash: result.contentHash, mapping: result.mapping)
        if let mapping = result.mapping, let records = result.records {
            files.copySource = CopySource(file: mapping, records: records)
        }
        files.loadedFileIdentity = identity == SearchIndexFile.CaseIdentity(path: path) ? identity : nil
        checkChain(path: path)
        adoptLock(lock, problem: lockProblem, path: path)
        lookForPendingJournal()
        return result.diagnostics
    }

    /// Replaces the whole case (open, new): history, undo and indexes start afresh.
    func replaceCase(_ caseFile: CaseFile, path: String?, hash: UInt64?, mapping: MappedFile? = nil) {
        discardJournal()
        journalState.pending = nil
        self.caseFile = caseFile
        files.path = path
        files.diskHash = hash
        files.loadedFileIdentity = nil
        files.copySource = nil
        files.mapping = mapping
        undo.removeAll()
        log.removeAll()
        indexes.removeAll()
        chain = nil
        loadedDigest = nil
        if let scriptRoom { makeRoom(scriptRoom) }
        for observer in observers { observer.caseWasReplaced(caseFile) }
        // A case with no file (new) has nothing to lock and nobody to wait for.
        if path == nil, locksFiles {
            releaseLock()
            adoptLock(nil, problem: nil, path: "")
        }
    }

    /// Why the values not yet read cannot be trusted any more (another program rewrote or
    /// truncated the case file in place while it was open), or nil while they can.
    ///
    /// - Complexity: O(1): one `fstat`.
    var changedUnderMapping: CommandError? {
        guard let mapping = files.mapping, !mapping.isIntact else { return nil }
        let name = Terminal.fileName(path ?? "the case file")
        return CommandError("\(name) was rewritten in place by another program while it was open: the entries this session has not changed are read from it, and it no longer holds them",
                            hint: "reload reads it as it is now and runs this session's unsaved commands on it again; quit! leaves")
    }

    /// The hash of the file at `path` now, or nil when it is gone.
    /// - Complexity: O(n), read through a mapping (no copy of the file is made).
    func currentDiskHash(_ path: String) -> UInt64? {
        guard let file = try? MappedFile(path: path, populate: false) else { return nil }
        return withExtendedLifetime(file) { ContentHash.of(file.bytes) }
    }

    /// Saves the case: bumps Revision, stamps Saved, appends a Session record with the
    /// summary and this session's commands, and writes the file atomically.
    public func save(message: String?, to target: String? = nil, force: Bool = false) throws(CommandError) {
        guard let destination = target ?? path else {
            throw CommandError("this case has no file yet", hint: "save --as FILE")
        }
        if let changed = changedUnderMapping { throw changed }
        let exists = access(destination, F_OK) == 0
        if destination == path, !exists, diskHash != nil, !force {
            throw CommandError("\(destination) was deleted or moved away since it was opened",
                               hint: "save --force writes it there again; save --as FILE saves it elsewhere")
        }
        if !hasUnsavedChanges && exists && destination == path {
            say("nothing to save: no changes since revision \(caseFile.header.revision)")
            return
        }
        if destination == path, exists, !force, let known = diskHash, currentDiskHash(destination) != known {
            throw CommandError("\(Terminal.fileName(destination)) was changed on disk since it was opened",
                               hint: "diff --disk shows what changed there; save --as FILE keeps both; "
                                   + "save --force replaces it, dropping the other writer's changes")
        }
        if target != nil, target != path, exists, !force {
            throw CommandError("\(Terminal.fileName(destination)) already exists", hint: "save --as \(Quoting.word(destination)) --force replaces it")
        }
        let newLock = try lockForSaving(to: destination)
        var prepared = prepareSave(message: message, sealing: false)
        let reuse = reusableRecords()
        let parents = sealsSessions ? chainParents : nil
        // The text is streamed to the file and hashed on the way: never held whole.
        if dryRun {
            let count: Int
            switch SessionChain.write(&prepared.caseFile, sealing: parents, reusing: reuse, to: -1) {
            case .success(let written): count = written.byteCount
            case .failure: count = 0
            }
            say("dry run: would save \(Terminal.fileName(destination)), revision \(prepared.revision) (\(count) bytes)"
                + (prepared.summary.isEmpty ? "" : ": \(prepared.summary)") + "; nothing written")
            return
        }
        var written: SessionChain.StreamedWrite?
        var writtenFile: stat?
        var sourceChanged = false
        do {
            try AtomicFile.write(to: destination, breakingLinks: force) { fd in
                switch SessionChain.write(&prepared.caseFile, sealing: parents, reusing: reuse, to: fd) {
                case .failure(let failure): return failure.code
                case .success(let result): written = result
                }
                // Values and copied records were read from the mapping: it must still hold them.
                if let mapping = files.mapping, !mapping.isIntact {
                    sourceChanged = true
                    return EIO
                }
                var info = stat()
                if fstat(fd, &info) == 0 { writtenFile = info }
                return 0
            }
        } catch {
            if sourceChanged, let changed = changedUnderMapping { throw changed }
            throw CommandError(error.description, hint: Self.saveHint(error, destination: destination))
        }
        guard let written else { return }
        commitSave(prepared, path: destination, hash: written.contentHash)
        files.copySource = CopySource(writtenTo: destination, as: writtenFile, records: written.records)
        refreshSavedSearchIndex(for: destination)
        lockAfterSave(to: destination, newLock: newLock)
        say("saved \(Terminal.fileName(destination)), revision \(prepared.revision)" + (prepared.summary.isEmpty ? "" : ": \(prepared.summary)"))
    }

    /// The file read or last written, when it is still as it was, with where its records
    /// are and which entries changed since (those are written anew; the rest copied).
    func reusableRecords() -> RecordReuse? {
        guard let source = files.copySource, source.file.isIntact else { return nil }
        let changes = log.baseline
        return RecordReuse(file: source.file, written: source.records) { changes.entries[$0] != nil }
    }

    /// What to do when a save could not write `destination`.
    static func saveHint(_ error: StorageError, destination: String) -> String {
        switch error {
        case .readOnlyFile:
            return "your changes are still here: chmod u+w \(destination) to allow saving, or save --as FILE"
        case .hardLinked:
            return "your changes are still here: save --force saves anyway (only this name gets the new revision), or save --as FILE"
        default:
            return "your changes are still here; fix the problem and save again"
        }
    }

    /// What a save writes: the case at its next revision, with its new session record.
    struct PreparedSave {
        var caseFile: CaseFile
        var revision: Int
        var summary: String
        var commands: [String]
    }

    /// The case as the next save would write it.
    /// With `sealing` false the new session is left unsealed, for a caller that seals it
    /// as it writes the bytes (`SessionChain.write(_:sealing:reusing:to:)`). `summary` replaces
    /// the one worked out (a replay giving an older save its recorded summary).
    func prepareSave(message: String?, sealing: Bool = true, summary recorded: String? = nil) -> PreparedSave {
        var saved = caseFile
        let revision = caseFile.header.revision + 1
        let now = settings.now()
        var header = saved.header
        header.set("Revision", String(revision))
        header.set("Saved", now)
        saved.header = header
        var fields = [Field("Saved", now), Field("By", settings.userName)]
        if let message, !message.isEmpty { fields.append(Field("Message", message)) }
        let summary = recorded ?? unsavedSummary.text
        if !summary.isEmpty { fields.append(Field("Summary", summary)) }
        let commands = commandsToRecord
        for command in commands { fields.append(Field("Command", command)) }
        saved.sessions.append(Session(revision: revision, fields: fields))
        if sealing, sealsSessions { SessionChain.seal(&saved, parents: chainParents) }
        return PreparedSave(caseFile: saved, revision: revision, summary: summary, commands: commands)
    }

    /// The `Previous` of the next save: the hash of the case as it was read or last saved.
    var chainParents: [String] { loadedDigest.map { [$0] } ?? [] }

    /// Makes a prepared save the case's saved state (after it was written, or in memory
    /// when older revisions are rebuilt).
    func commitSave(_ prepared: PreparedSave, path destination: String?, hash: UInt64?) {
        files.copySource = nil
        caseFile = prepared.caseFile
        files.path = destination
        files.diskHash = hash
        loadedDigest = caseFile.sessions.last?.chainHash
        log.markSaved(recorded: prepared.commands)
        discardJournal()
        undo.markSaved()
    }

    /// The command lines the next save records. A case never saved starts from an empty
    /// case, so its first session begins with the `new TITLE` that gave it its title:
    /// replaying the sessions from nothing then gives the file back, title included.
    var commandsToRecord: [String] {
        guard caseFile.header.revision == 0, let title = headerAtLastSave.title else { return sessionLog }
        return ["new " + Quoting.word(title)] + sessionLog
    }

    /// The header as it was at the last save (or when the case was opened or created).
    var headerAtLastSave: CaseHeader {
        log.baseline.header ?? caseFile.header
    }

    /// Every command of this session that changed the case, replayable against the case
    /// as it was opened: those already saved, then those not saved yet.
    public var sessionScript: [String] { savedSessionLog + commandsToRecord }
}
