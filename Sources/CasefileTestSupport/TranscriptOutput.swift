import CasefileCore

/// An output sink that keeps regular output and diagnostics in one stream, in the order
/// they were written, as a user at a terminal sees them.
public final class TranscriptOutput: OutputSink {
    /// Everything written so far, one element per line.
    public private(set) var lines: [String] = []
    /// The width to wrap to.
    public var width: Int
    /// Transcripts never use colour.
    public var usesColour: Bool { false }

    /// Creates a sink that wraps at `width` columns.
    public init(width: Int = 80) { self.width = width }

    public func line(_ text: String) { lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    public func diagnostic(_ text: String) { line(text) }

    /// Takes (and clears) what was written since the last call.
    public func take() -> [String] {
        defer { lines.removeAll() }
        return lines
    }
}
