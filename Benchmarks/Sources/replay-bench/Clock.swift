#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Wall-clock seconds since an arbitrary start, from the monotonic clock.
func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// The seconds `body` takes, and what it returns.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = now()
    let result = try body()
    return (result, now() - start)
}

/// CPU seconds (user and system) this process has used so far: unlike wall time, not
/// inflated when other work shares the cores.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(numericCast(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// This thread's CPU seconds: a single command's own work, without the time the thread
/// waited for a core.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// The peak resident set size of this process so far, in MB.
func peakMegabytes() -> Double {
    var usage = rusage()
    getrusage(numericCast(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// `seconds` as milliseconds with three decimals.
func ms(_ seconds: Double) -> String {
    let value = (seconds * 1_000_000).rounded() / 1000
    return "\(value) ms"
}

/// `seconds` with three decimals.
func s(_ seconds: Double) -> String {
    "\((seconds * 1000).rounded() / 1000) s"
}
