/// Where a notebook's output goes: a terminal, a pipe, or a test's buffer. Everything
/// written has already had control characters made visible.
public protocol OutputSink: AnyObject {
    /// Writes `text` and a newline to regular output.
    func line(_ text: String)
    /// Writes a diagnostic (errors, warnings, guesses) and a newline.
    func diagnostic(_ text: String)
    /// The width to wrap to.
    var width: Int { get }
    /// Whether emphasis may use ANSI colour.
    var usesColour: Bool { get }
}

/// Collects output in memory (tests, `edit`, captured runs).
public final class BufferOutput: OutputSink {
    /// Regular output so far.
    public private(set) var text = ""
    /// Diagnostics so far.
    public private(set) var diagnostics = ""
    /// The width to wrap to.
    public var width: Int
    /// Whether emphasis uses colour.
    public var usesColour = false

    /// Creates a buffer that wraps at `width`.
    public init(width: Int = 80) { self.width = width }

    public func line(_ text: String) { self.text += text + "\n" }
    public func diagnostic(_ text: String) { diagnostics += text + "\n" }

    /// Clears both buffers.
    public func reset() {
        text = ""
        diagnostics = ""
    }
}
