internal import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A line editor on libedit (`el_wgets`) for a terminal: emacs or vi keys, history with
/// prefix search (Up, ESC-p) and Ctrl-R, tab completion through a `Completer`, Unicode.
///
/// Ctrl-C discards the line being edited and returns `.interrupted`; Ctrl-D on an empty
/// line returns `.endOfInput`. While editing, the terminal's `isig` is off, so Ctrl-C is a
/// key bound to a function rather than a signal (a signal during `el_wgets` loses keys);
/// between lines the terminal is cooked again and Ctrl-C is SIGINT (see `Signals`).
/// Use it on one thread; create one per terminal.
public final class EditLineReader: LineReader {
    /// Emacs or vi key bindings.
    public enum EditingMode: String, Sendable {
        /// Emacs keys (the default).
        case emacs
        /// vi keys: insert mode first, ESC for command mode.
        case vi
    }

    /// Settings fixed when the reader is made.
    public struct Options: Sendable {
        /// The key bindings.
        public var mode: EditingMode = .emacs
        /// Whether `~/.editrc` (or `$EDITRC`) is read after casefile's own bindings, so a
        /// user can change them. Tests turn it off.
        public var readsEditrc: Bool = true
        /// The program name libedit matches `~/.editrc` lines against (`casefile:bind …`).
        public var programName: String = "casefile"
        /// Whether each line read is added to the history (trimmed; blank lines skipped).
        /// Turn it off to add lines yourself with `History.add`.
        public var addsLinesToHistory: Bool = true

        /// The default options: emacs keys, `~/.editrc` read, lines added to the history.
        public init() {}
    }

    /// The history the editor navigates and adds to, if any.
    public let history: History?
    /// What TAB asks for completions; nil makes TAB ring the bell.
    public var completer: Completer?
    /// The settings the reader was made with.
    public let options: Options

    /// What a lone ESC is handed to libedit as in vi mode (^]), bound to vi-command-mode.
    static let viEscape: UInt8 = 0x1D

    let editLine: OpaquePointer
    let inputDescriptor: Int32 = STDIN_FILENO
    var input = TypedInput()
    var cancelled = false
    /// The Ctrl-R search under way, if any.
    var search: IncrementalSearch?
    private var promptText: UnsafeMutablePointer<CChar>?
    private(set) var promptSource: String?

    /// A reader on the process's terminal (stdin and stdout), or nil when stdin is not a
    /// terminal or libedit cannot start. Sets the locale (`UTF8Locale.activate()`) and
    /// installs the SIGTERM/SIGHUP and window-resize handlers.
    public init?(options: Options = Options(), history: History? = nil, completer: Completer? = nil) {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        UTF8Locale.activate()
        guard let editLine = el_init(options.programName, cf_stdin(), cf_stdout(), cf_stderr()) else { return nil }
        self.editLine = editLine
        self.options = options
        self.history = history
        self.completer = completer
        Signals.installTerminationHandlers()
        Signals.installResizeHandler()
        configure()
    }

    deinit {
        el_end(editLine)
        free(promptText)
    }

    /// Shows `prompt.current` and edits one line.
    public func readLine(prompt: Prompt) -> LineInput {
        edit(prompt: prompt, addsToHistory: options.addsLinesToHistory)
    }

    /// Shows `prompt.current` and edits one line, an answer that stays out of the history.
    public func readAnswer(prompt: Prompt) -> LineInput {
        edit(prompt: prompt, addsToHistory: false)
    }

    private func edit(prompt: Prompt, addsToHistory: Bool) -> LineInput {
        Signals.exitIfTerminationRequested()
        if input.ended { return .endOfInput }
        setPrompt(prompt.current)
        cancelled = false
        search = nil
        Signals.interruptRequested = false
        fflush(cf_stdout())
        // Raw mode before the prompt is printed: keys typed in between would otherwise be
        // echoed by the terminal, and a Ctrl-D would turn into a lost NUL.
        _ = cf_el_set_prep_term(editLine, 1)
        // A resize while a command ran: libedit lays the prompt out at the new width too.
        if Signals.takeResize() { el_resize(editLine) }
        var count: Int32 = 0
        let result = el_wgets(editLine, &count)
        _ = cf_el_set_prep_term(editLine, 0)
        if Signals.terminationSignal != nil {
            fputs("\n", cf_stdout())
            Signals.exitIfTerminationRequested()
        }
        if cancelled {
            cancelled = false
            return .interrupted
        }
        guard let result, count > 0 else {
            fputs("\n", cf_stdout())  // libedit printed "^D"; leave the cursor on a new line
            fflush(cf_stdout())
            return .endOfInput
        }
        var line = String(wideCharacters: result, count: Int(count))
        // A line without its newline means the input ended while typing (the terminal
        // went away): not a command the user finished.
        guard line.hasSuffix("\n") else {
            fputs("\n", cf_stdout())
            return .endOfInput
        }
        line.removeLast()
        if addsToHistory { history?.add(line) }
        Signals.interruptRequested = false
        return .line(line)
    }

    /// Makes `text` the prompt libedit shows; the C copy lives until the next change.
    func setPrompt(_ text: String) {
        guard text != promptSource else { return }
        var bytes = Prompt.libeditBytes(text)
        bytes.append(0)
        let copy = bytes.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { chars in chars.baseAddress.flatMap { strdup($0) } }
        }
        guard let copy else { return }  // out of memory: keep the previous prompt
        free(promptText)
        promptText = copy
        promptSource = text
    }

    /// The prompt's C string, for the libedit callback (never NULL: libedit would crash).
    var currentPrompt: UnsafeMutablePointer<CChar>? { promptText ?? EditLineReader.emptyPrompt }

    /// An empty C string that lives as long as the process.
    nonisolated(unsafe) static let emptyPrompt: UnsafeMutablePointer<CChar>? = strdup("")

    /// The reader an `EditLine` callback belongs to (stored as its client data).
    static func from(_ editLine: OpaquePointer?) -> EditLineReader? {
        guard let editLine, let data = cf_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    }
}
