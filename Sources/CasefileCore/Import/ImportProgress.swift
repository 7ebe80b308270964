/// Progress of a long import, on the diagnostic stream: nothing for an import that takes
/// less than a second, then a line at most every second.
final class ImportProgress {
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var last: ContinuousClock.Instant
    private let output: OutputSink
    private let file: String

    init(output: OutputSink, file: String) {
        self.output = output
        self.file = file
        started = clock.now
        last = started
    }

    /// Reports `what` if a second has passed since the start or the last report.
    func report(_ what: @autoclosure () -> String) {
        let now = clock.now
        guard now - last >= .seconds(1) else { return }
        last = now
        output.diagnostic(Terminal.visible("import \(file): \(what())"))
    }
}
