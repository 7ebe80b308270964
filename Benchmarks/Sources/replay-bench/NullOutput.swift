import CasefileCore

/// Discards output: the benchmark measures the engine, not a terminal.
final class NullOutput: OutputSink {
    var lines = 0
    var width: Int { 80 }
    var usesColour: Bool { false }
    func line(_ text: String) { lines += 1 }
    func diagnostic(_ text: String) { lines += 1 }
}
