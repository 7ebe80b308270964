import Foundation

/// Timing for benchmarks: wall-clock seconds, medians of repeated runs, anchors (other
/// programs doing comparable work) timed in the same run, and peak resident memory.
public enum Bench {
    /// Wall-clock seconds `work` takes.
    public static func seconds(_ work: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The median of `runs` timings of `work`.
    public static func median(runs: Int, _ work: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, runs) { times.append(try seconds(work)) }
        return median(times)
    }

    /// The median of `values` (0 for none).
    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Runs `/bin/sh -c command` (output discarded) and returns its wall-clock seconds, or
    /// nil when it failed (an anchor program that is not installed, say).
    public static func anchor(_ command: String) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var status: Int32 = -1
        let time = seconds {
            do {
                try process.run()
                process.waitUntilExit()
                status = process.terminationStatus
            } catch {
                status = -1
            }
        }
        return status == 0 ? time : nil
    }

    /// This process's peak resident memory so far, in bytes.
    /// The CPU time (user and system, every thread) the process has used so far: beside a
    /// wall-clock figure, it tells a slower program from a busier machine.
    public static var cpuSeconds: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    public static var peakResidentBytes: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    /// `seconds` as a short figure: `0.42 s`, `12.3 ms`.
    public static func format(_ seconds: Double) -> String {
        seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.1f ms", seconds * 1000)
    }

    /// `bytes` as megabytes.
    public static func megabytes(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) / 1e6) }
}
