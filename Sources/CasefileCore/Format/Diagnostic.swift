/// A problem found in a file or script, with where it is and, when it helps, what to do.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    /// The file (or script) name as the user gave it.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int
    /// Error or warning.
    public var severity: Severity
    /// What went wrong.
    public var message: String
    /// What to do about it, when there is something to say.
    public var hint: String?
    /// How many problems this line stands for: 1, or for a summary (`… and 12,345 more
    /// violations of %mandatory declared at …`) the violations it counts.
    public var counts = 1
    /// The line it points into, as the reader kept it for quoting (nil when not kept).
    /// Not part of what makes two diagnostics equal: the same problem at the same place.
    public var quoted: QuotedLine?

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int = 1, severity: Severity = .error, message: String,
                hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// `FILE:LINE:COL: error: message`, the quoted line and its caret when the reader kept
    /// the line, and the hint, as the one located-error renderer lays them out
    /// (`FILE: error: message` for a problem with the whole file, line 0).
    public var description: String { ErrorRenderer.render(self) }

    /// Equal when they say the same about the same place (the quoted line aside).
    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.file == b.file && a.line == b.line && a.column == b.column && a.severity == b.severity
            && a.message == b.message && a.hint == b.hint
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(line)
        hasher.combine(column)
        hasher.combine(severity)
        hasher.combine(message)
        hasher.combine(hint)
    }
}

/// A load that failed: every problem found, not only the first.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var diagnostics: [Diagnostic]
    /// Set when the file could not be read at all (missing, unreadable, a folder).
    public var cannotRead: StorageError?

    /// Creates a load error.
    public init(_ diagnostics: [Diagnostic], cannotRead: StorageError? = nil) {
        self.diagnostics = diagnostics
        self.cannotRead = cannotRead
    }

    /// The diagnostics, one per line; for a file that could not be read, the one sentence
    /// `cannot read FILE: reason` (no line and column: there is no content to point into).
    public var description: String {
        if let cannotRead { return cannotRead.description }
        return diagnostics.map(\.description).joined(separator: "\n")
    }
}
