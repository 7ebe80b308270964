import BenchSupport
#if canImport(Glibc)
import Glibc
#endif

/// The two commands a user waits for on a large case, timed from outside as whole
/// processes of the release `casefile`: `casefile check FILE`, and opening the shell and
/// quitting (`echo quit | casefile FILE`), beside `wc -l` on the same file in the same run.
enum CommandTimes {
    /// Median wall seconds, median CPU seconds (user + system: on a shared machine the
    /// wall time includes waiting for a core) and the largest peak memory (kB) of `runs`
    /// runs of `arguments`, or nil when a run failed.
    static func measure(_ arguments: [String], runs: Int) -> (seconds: Double, cpu: Double, peakKilobytes: Int)? {
        var times: [Double] = []
        var cpu: [Double] = []
        var peak = 0
        for _ in 0..<runs {
            guard let run = ChildProcess.run(arguments), run.status == 0 else { return nil }
            times.append(run.seconds)
            cpu.append(run.cpuSeconds)
            peak = max(peak, run.maxRSSKilobytes)
        }
        return (Bench.median(times), Bench.median(cpu), peak)
    }

    /// Prints the lines for `path` (of `bytes` bytes and `entries` entries).
    static func report(casefile: String, path: String, bytes: Int, entries: Int, runs: Int) {
        func line(_ label: String, _ arguments: [String]) {
            guard let figure = measure(arguments, runs: runs) else {
                print("  \(label)  failed")
                return
            }
            let perEntry = entries > 0 ? figure.cpu / Double(entries) * 1e6 : 0
            print(String(format: "  %@  %.3f s   [process CPU %.3f s, %.2f µs per entry]   peak %.0f MB (%.2fx file size)",
                         label, figure.seconds, figure.cpu, perEntry, Double(figure.peakKilobytes) / 1024,
                         Double(figure.peakKilobytes) * 1024 / Double(bytes)))
        }
        line("casefile check", [casefile, "check", path])
        // A canonical file: fmt reads it and finds nothing to rewrite.
        line("casefile fmt --check", [casefile, "fmt", "--check", path])
        // Opening in the shell takes the case's lock and reads its journal; `quit` leaves at once.
        line("echo quit | casefile", ["/bin/sh", "-c", "echo quit | '\(casefile)' --no-pager '\(path)' > /dev/null"])
        if let wc = measure(["wc", "-l", path], runs: runs) {
            print(String(format: "  wc -l  %.3f s   [process CPU %.3f s]", wc.seconds, wc.cpu))
        }
    }
}
