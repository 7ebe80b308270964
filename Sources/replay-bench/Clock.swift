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

/// A reproducible random number generator (SplitMix64).
struct BenchRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
}
