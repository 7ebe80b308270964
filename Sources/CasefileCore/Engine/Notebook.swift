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
    /// Whether a `quit` has been accepted.
    public internal(set) var wantsToQuit = false
    /// The hash of the file's bytes when it was loaded or last saved, to notice edits on disk.
    public internal(set) var diskHash: UInt64?

    var undoStack: [Transaction] = []
    var redoStack: [Transaction] = []
    var pending: Transaction?
    var nesting = 0
    var nextSerial = 1
    /// The commands of this session that changed the case (replayable), since the last save:
    /// one element per undo step, so a sourced script is one element holding its commands
    /// on several lines. Replay an element with `replayLogged(_:)`.
    public internal(set) var sessionLog: [String] = []
    /// Every command line run in this session, in order.
    public internal(set) var history: [(source: String, changedCase: Bool)] = []
    /// For each thing changed since the last save, its value at the last save.
    var baseline: [ChangeKey: SavedValue] = [:]
    var observers: [CaseObserver] = []
    var referenceIndex: ReferenceIndex?
    var handleIndex: HandleIndex?
    var idIndex: IdIndex?
    var idCounterIndex: IdCounters?
    /// Script files being sourced, to refuse a script that sources itself.
    var sourcing: [String] = []

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

    /// Says what a command did ("added post …"): shown in the shell, quiet in replays
    /// unless asked for.
    public func confirm(_ text: String) {
        if showsConfirmations { say(text) }
    }

    /// Runs one command line. On error the case is left exactly as it was.
    public func execute(_ line: CommandLine) throws(CommandError) {
        let resolved = try registry.resolve(line)
        let command = resolved.command
        let call = try Invocation(line: line, nameCount: resolved.nameCount, command: command)
        let outermost = pending == nil
        if outermost {
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
            if outermost { pending = nil }
            throw error
        }
        let changed = (pending?.changes.count ?? 0) > changesBefore
        if changed, command.changesCase, pending?.log.count == logBefore {
            pending?.log.append(loggedSource ?? line.source)
        }
        loggedSource = nil
        if outermost {
            history.append((line.source, changed))
            commitPending()
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
        if let entry = transaction.logEntry { sessionLog.append(entry) }
    }

    func rollBack(to count: Int, log: Int) {
        guard var transaction = pending else { return }
        while transaction.changes.count > count, let change = transaction.changes.popLast() {
            applyRaw(change.inverse)
        }
        transaction.log.removeLast(transaction.log.count - log)
        pending = transaction
    }
}
