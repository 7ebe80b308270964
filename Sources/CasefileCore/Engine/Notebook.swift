/// The notebook engine: one open case, the commands run on it, undo and redo, the log
/// of this session's changes, and the indexes kept current as the case changes.
/// It never touches the terminal: output goes to an `OutputSink`.
public final class Notebook {
    /// The open case.
    public internal(set) var caseFile: CaseFile
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
    /// The user's editor, for `edit` (nil where there is none, as in replays).
    public var editor: TextEditing?
    /// Whether a `quit` has been accepted.
    public var wantsToQuit = false
    /// The last item `next` showed: the queue goes on after it.
    var queueCursor: Entry?
    /// What the session chain of the case said when it was opened (nil: not opened from a file).
    public internal(set) var chain: ChainCheck?
    /// The chain's hash of the case as last read or saved: the next save's `Previous`.
    /// Waits for it when it is still being worked out (see `pendingDigest`).
    public internal(set) var loadedDigest: String? {
        get {
            if let pending = pendingDigest {
                storedDigest = pending.value
                pendingDigest = nil
            }
            return storedDigest
        }
        set {
            pendingDigest = nil
            storedDigest = newValue
        }
    }
    private var storedDigest: String?
    /// The chain's hash of a case opened from a file with no chain, being worked out in the
    /// background from a snapshot of the case as read.
    var pendingDigest: BackgroundValue<String>?
    /// Whether saves seal their session record with the chain's hashes (a replay that
    /// rebuilds older revisions seals them itself).
    var sealsSessions = true
    /// What the last `verify` found, for `casefile verify` to set its exit status by.
    public internal(set) var lastVerification: [FixityResult] = []
    /// Bad records `import --keep-going` skipped: the rest was imported, but the data had
    /// errors, so `casefile import` and `casefile run` exit 1 after saving.
    public internal(set) var badRecordsSkipped = 0
    /// Registered from outside: told of every change.
    var observers: [CaseObserver] = []
    /// Whether the search index is read from and saved to `.NAME.rec.index` (or the cache).
    public var persistsSearchIndex = true
    /// Whether a save builds and saves the search index of the new bytes in the background
    /// (the shell: a session goes on after a save; a script run ends at once, and its next
    /// search builds the index when it is needed).
    public var refreshesSavedSearchIndex = false

    // The parts a notebook is made of, each a type of its own.
    /// Undo and redo: the transactions done and undone, and the running one.
    var undo = UndoHistory()
    /// This session's command lines and the saved values of what it changed.
    var log = SessionRecorder()
    /// The recovery journal written beside the case, and one an earlier session left.
    var journalState = NotebookJournal()
    /// The indexes over the case, built on first use and kept current.
    var indexes = NotebookIndexes()
    /// What commands may do now (read-only, dry run, a replay that keeps its file).
    var policy = NotebookPolicy()
    /// The case file, its lock, and its hash on disk.
    var files = NotebookFiles()

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
        files.path = path
        self.output = output
        self.settings = settings
        self.registry = registry
    }

    /// How deep in sourced scripts the running command is (0 at the top).
    public var nestingDepth: Int { sourcing.count }

    /// Whether the case has changes not yet saved.
    public var hasUnsavedChanges: Bool { !log.baseline.isEmpty }

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
        let outermost = undo.pending == nil
        if let refusal = policy.refusal(of: command, at: line.words.first,
                                        earlierJournal: journalState.isEnabled ? journalState.pending : nil) {
            throw refusal
        }
        if command.readsCase, let changed = changedUnderMapping { throw changed }
        let counterBefore = undo.changeCounter
        if outermost {
            // Without a journal (a script file replayed by `casefile run`) nothing reads it.
            journalState.recorder = journalState.isEnabled ? JournalRecorder() : nil
            undo.begin()
        }
        let changesBefore = undo.pending?.changes.count ?? 0
        let logBefore = undo.pending?.log.count ?? 0
        do {
            try command.run(call, on: self)
        } catch {
            log.loggedSource = nil
            rollBack(to: changesBefore, log: logBefore)
            if outermost {
                undo.pending = nil
                journalState.recorder = nil
            }
            throw error
        }
        let changed = (undo.pending?.changes.count ?? 0) > changesBefore
        if changed, command.changesCase, undo.pending?.log.count == logBefore {
            undo.pending?.log.append(log.loggedSource ?? line.source)
        }
        log.loggedSource = nil
        if outermost {
            log.commands.append((line.source, undo.changeCounter != counterBefore))
            commitPending()
            if undo.changeCounter != counterBefore {
                // Back to the saved state (undo): nothing is left to recover.
                if hasUnsavedChanges { journalChange(command: line.source) } else { discardJournal() }
            }
            journalState.recorder = nil
        }
    }

    func commitPending() {
        guard let transaction = undo.pending else { return }
        undo.pending = nil
        guard !transaction.changes.isEmpty else { return }
        undo.undoStack.append(transaction)
        undo.redoStack.removeAll()
        logAppend(transaction.log)
    }

    func rollBack(to count: Int, log logCount: Int) {
        guard var transaction = undo.pending else { return }
        while transaction.changes.count > count, let change = transaction.changes.popLast() {
            applyRaw(change, forward: false)
        }
        transaction.log.removeLast(transaction.log.count - logCount)
        undo.pending = transaction
    }
}
