extension Notebook {
    /// The lock for a case about to be opened at `path`, or why there is none. The lock
    /// this notebook already holds when `path` is the same file; nil when not locking.
    func lockForOpening(_ path: String) -> (lock: CaseLock?, problem: LockFailure?) {
        guard locksFiles else { return (nil, nil) }
        if let held = files.caseLock, held.path == CaseLock.path(for: path) { return (held, nil) }
        switch CaseLock.acquire(for: path, now: settings.now()) {
        case .success(let lock): return (lock, nil)
        case .failure(let problem): return (nil, problem)
        }
    }

    /// Makes `lock` the open case's (releasing the one held before): without it the case
    /// is read-only, saying why; with it, writable again.
    func adoptLock(_ lock: CaseLock?, problem: LockFailure?, path: String) {
        guard locksFiles else { return }
        if lock !== files.caseLock { files.caseLock?.release() }
        files.caseLock = lock
        files.lockProblem = problem
        policy.readOnlyReason = problem.map { "\(path) \($0.description)" }
    }

    /// The lock of `destination`, another file a save is about to write (nil when it is
    /// the file already held, or when not locking); throws when another casefile holds it
    /// or it cannot be locked.
    func lockForSaving(to destination: String) throws(CommandError) -> CaseLock? {
        guard locksFiles, files.caseLock?.path != CaseLock.path(for: destination) else { return nil }
        switch CaseLock.acquire(for: destination, now: settings.now()) {
        case .success(let lock): return lock
        case .failure(let problem):
            throw CommandError("\(destination) \(problem.description)",
                               hint: "your changes are still here: save --as another file, or close the other casefile first")
        }
    }

    /// After a save to `destination` (under `newLock` when it was another file): the lock
    /// follows the file, and the old file's lock is given up.
    func lockAfterSave(to destination: String, newLock: CaseLock?) {
        guard locksFiles else { return }
        if let newLock { adoptLock(newLock, problem: nil, path: destination) }
        files.caseLock?.caseFileWasReplaced(destination)
    }

    /// Gives the case file's lock up (on quit, on a signal, when the case is closed).
    public func releaseLock() {
        files.caseLock?.release()
        files.caseLock = nil
    }

    /// Whether this notebook may touch the files beside the case (the journal): it holds
    /// the lock, or does not lock at all.
    var ownsFilesBeside: Bool { !locksFiles || lockProblem == nil }
}
