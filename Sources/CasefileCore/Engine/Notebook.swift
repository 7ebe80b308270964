/// The notebook engine: one open case, the commands run on it, undo and redo, the log
/// of this session's changes, and the indexes kept current as the case changes.
/// It never touches the terminal: output goes to an `OutputSink`.
public final class Notebook {
    /// The open case.
    public internal(set) var caseFile: CaseFile
    /// The file the case is saved to (nil for a new case never saved).
    public internal(set) var path: String?
    /// Where output goes.
    public let output: OutputSink
    /// User name and clock.
    public var settings: Settings
    /// The commands, their names, help and completion.
    public let registry: CommandRegistry
    /// Whether confirmations and remarks are shown (the shell: yes; `casefile run`: only with --verbose).
    public var showsConfirmations = true
    /// How language guesses are reported: each on the diagnostic stream (the default, in
    /// replays too), only counted (`--quiet`), or not at all (replaying recorded history).
    public var guessReporting = GuessReporting.each
    /// The language guesses made since the notebook was made (for `--quiet`'s summary).
    public internal(set) var guessCount = 0
    /// The entries whose language this session guessed, to say so when a guess is refused.
    var guessedLanguages: Set<String> = []
    /// Polled by long commands: true when the user asked to stop (Ctrl-C in the shell).
    public var isInterrupted: () -> Bool = { false }
    /// Whether changes are journaled beside the file (off only in tests that say so).
    public var journaling = true
    /// The journal of this session's unsaved changes.
    var journal: Journal?
    /// Whether the last journal write failed (the next change rewrites the journal whole).
    var journalFailed = false
    /// What the running command did, for the journal.
    var journalRecorder: JournalRecorder?
    /// A journal left by an earlier session that did not save, found at open.
    public var pendingJournal: PendingJournal?
    /// Why the case is read-only (another casefile holds its lock), or nil.
    public var readOnlyReason: String?
    /// Whether `open`, `new` and `save --as` take the case file's lock (the shell and
    /// `casefile run`; off in tests that open one case twice in one process).
    public var locksFiles = false
    /// The lock of the case file, while this notebook holds it.
    var caseLock: CaseLock?
    /// Tells this notebook's private files apart from any other's (drafts of a case with no file).
    let instanceToken = UInt64.random(in: 1...UInt64.max)
    /// Why the open case's lock could not be taken (then it is read-only), or nil.
    public internal(set) var lockProblem: LockFailure?
    /// Counts applied changes, so a command that changed the case is noticed even
    /// when it left no transaction (undo, redo).
    var changeCounter = 0
    /// The user's editor, for `edit` (nil where there is none, as in replays).
    public var editor: TextEditing?
    /// Set by `casefile run FILE`: the replay is saved to FILE at the end, so `open` and a
    /// `new` that would leave an existing FILE are refused where they stand in the script
    /// (rather than the whole script running and then having nowhere to be saved).
    public var keepsFile = false
    /// Set by `casefile run --dry-run`: every command runs, but nothing is written to a
    /// file; a command that would write one (save, history --write) says what it would write.
    public var dryRun = false
    /// Whether a `quit` has been accepted.
    public var wantsToQuit = false
    /// The last item `next` showed: the queue goes on after it.
    var queueCursor: Entry?
    /// The hash of the file's bytes when it was loaded or last saved, to notice edits on disk.
    public internal(set) var diskHash: UInt64?
    /// What the last `verify` found, for `casefile verify` to set its exit status by.
    public internal(set) var lastVerification: [FixityResult] = []

    var undoStack: [Transaction] = []
    var redoStack: [Transaction] = []
    var pending: Transaction?
    var nesting = 0
    var nextSerial = 1
    /// The command lines of this session that changed the case (replayable), since the last save.
    public internal(set) var sessionLog: [String] = []
    /// The command lines recorded by the saves made since the case was opened (`history --write`).
    public internal(set) var savedSessionLog: [String] = []
    /// Every command line run in this session, in order.
    public internal(set) var history: [(source: String, changedCase: Bool)] = []
    /// For each thing changed since the last save, its value at the last save.
    var baseline = Baseline()
    var observers: [CaseObserver] = []
    var referenceIndex: ReferenceIndex?
    var handleIndex: HandleIndex?
    var nameIndex: NameIndex?
    var samePersonIndex: SamePersonIndex?
    var searchIndexStorage: SearchIndex?
    /// The identity of the case file as it was read (unchanged while it was read), for
    /// the saved search index; nil for a new case or after a save.
    var loadedFileIdentity: SearchIndexFile.CaseIdentity?
    /// Where the last save put each entry's record, in the file it wrote (with that file's
    /// identity): the next save copies the records of unchanged entries from there.
    var writtenRecords: (path: String, identity: SearchIndexFile.CaseIdentity, records: WrittenRecords)?
    /// Whether the search index is read from and saved to `.NAME.rec.index` (or the cache).
    public var persistsSearchIndex = true
    /// From how many entries the first search says that it is indexing.
    var searchIndexingRemarkFloor = 100_000
    var idCounterIndex: IdCounters?
    /// The room the running script's additions need, kept while it runs so that a `new`
    /// or `open` in it sizes the new case too.
    var scriptRoom: Room?
    /// Script files being sourced, to refuse a script that sources itself.
    var sourcing: [String] = []
    /// The script file `casefile run` is running (not a sourced one: commands in it are at
    /// the top level), so that a `source` of it inside is refused as the cycle it is.
    public var runningScript: String?

    /// A notebook on `caseFile`.
    public init(caseFile: CaseFile = CaseFile(), path: String? = nil, output: OutputSink,
                settings: Settings, registry: CommandRegistry = .standard) {
        self.caseFile = caseFile
        self.path = path
        self.output = output
        self.settings = settings
        self.registry = registry
    }

    /// How deep in sourced scripts the running command is (0 at the top).
    public var nestingDepth: Int { sourcing.count }

    /// Whether the case has changes not yet saved.
    public var hasUnsavedChanges: Bool { !baseline.isEmpty }

    /// The case's short name: the file name without `.rec`, or `new case`.
    public var displayName: String {
        guard let path else { return caseFile.header.title ?? "new case" }
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".rec") { name.removeLast(4) }
        return name
    }

    /// Registers an observer of every change (a search index, say).
    public func addObserver(_ observer: CaseObserver) { observers.append(observer) }

    /// Writes a line of output, made safe for a terminal.
    public func say(_ text: String) { output.line(Terminal.visible(text)) }

    /// Writes a remark (a guess, a warning) to the diagnostic stream, unless quiet.
    public func remark(_ text: String) {
        if showsConfirmations { output.diagnostic(Terminal.visible(text)) }
    }

    /// Writes a warning to the diagnostic stream, in the shell and in replays alike (a
    /// possible duplicate, a look-alike letter).
    public func warn(_ text: String) {
        output.diagnostic(Terminal.visible("warning: " + text))
    }

    /// Says what a command did ("added post …"): shown in the shell, quiet in replays
    /// unless asked for.
    public func confirm(_ text: String) {
        if showsConfirmations { say(text) }
    }

    /// Runs one command line. On error the case is left exactly as it was.
    public func execute(_ line: ScriptCommand) throws(CommandError) {
        let resolved = try registry.resolve(line)
        let command = resolved.command
        let call = try Invocation(line: line, nameCount: resolved.nameCount, command: command)
        let outermost = pending == nil
        if let reason = readOnlyReason, command.needsWritableCase {
            throw CommandError("the case is read-only: \(reason)", at: line.words.first,
                               hint: "close the other casefile, then open this case again")
        }
        // Changing the case now would start a new journal over the one an earlier session
        // left: that work would be lost. It must be recovered or dropped first.
        if journaling, let earlier = pendingJournal, command.changesCase, !command.runsOverPendingJournal {
            throw CommandError("this case has unsaved work from a session that ended without saving (\(earlier.steps.count) command\(earlier.steps.count == 1 ? "" : "s"))",
                               at: line.words.first,
                               hint: "recover brings it back, recover --show lists it, recover --discard drops it")
        }
        let counterBefore = changeCounter
        if outermost {
            // Without a journal (a script file replayed by `casefile run`) nothing reads it.
            journalRecorder = journaling ? JournalRecorder() : nil
            pending = Transaction(serial: nextSerial)
            nextSerial += 1
        }
        let changesBefore = pending?.changes.count ?? 0
        let logBefore = pending?.log.count ?? 0
        do {
            try command.run(call, on: self)
        } catch {
            loggedSource = nil
            rollBack(to: changesBefore, log: logBefore)
            if outermost {
                pending = nil
                journalRecorder = nil
            }
            throw error
        }
        let changed = (pending?.changes.count ?? 0) > changesBefore
        if changed, command.changesCase, pending?.log.count == logBefore {
            pending?.log.append(loggedSource ?? line.source)
        }
        loggedSource = nil
        if outermost {
            history.append((line.source, changeCounter != counterBefore))
            commitPending()
            if changeCounter != counterBefore {
                // Back to the saved state (undo): nothing is left to recover.
                if hasUnsavedChanges { journalChange(command: line.source) } else { discardJournal() }
            }
            journalRecorder = nil
        }
    }

    /// A replacement for the command line in the session log (set by commands whose
    /// result depends on the clock or the user, so a replay gives the same case).
    var loggedSource: String?

    func commitPending() {
        guard let transaction = pending else { return }
        pending = nil
        guard !transaction.changes.isEmpty else { return }
        undoStack.append(transaction)
        redoStack.removeAll()
        logAppend(transaction.log)
    }

    func rollBack(to count: Int, log: Int) {
        guard var transaction = pending else { return }
        while transaction.changes.count > count, let change = transaction.changes.popLast() {
            if let undo = change.backward(in: caseFile) { applyRaw(undo) }
        }
        transaction.log.removeLast(transaction.log.count - log)
        pending = transaction
    }
}
