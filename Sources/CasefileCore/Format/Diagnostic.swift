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

    /// `FILE:LINE:COL: error: message` with the hint, if any, on the next line.
    public var description: String {
        var text = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// A load that failed: every problem found, not only the first.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var diagnostics: [Diagnostic]

    /// Creates a load error.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
