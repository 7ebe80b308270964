#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and measures it from outside: wall time and the child's own peak memory
/// (wait4's ru_maxrss), so the phases of the benchmark do not mix their peaks.
public enum ChildProcess {
    /// How a child ran.
    public struct Outcome {
        /// Its exit status (128 + the signal when killed).
        public var status: Int32
        /// Wall-clock seconds from spawn to exit.
        public var seconds: Double
        /// Its own peak resident memory (wait4's ru_maxrss).
        public var maxRSSKilobytes: Int
        /// User plus system CPU time of the whole child process.
        public var cpuSeconds: Double
        /// What it wrote to stdout.
        public var output: String
    }

    /// Seconds on the monotonic clock since an arbitrary start.
    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Runs `arguments[0]` (a path, or a name found on PATH) with `arguments`, capturing stdout.
    public static func run(_ arguments: [String]) -> Outcome? {
        var outputPath = Array("/tmp/casefile-bench-XXXXXX".utf8CString)
        let outFD = outputPath.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard outFD >= 0 else { return nil }
        let path = String(decoding: outputPath.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer {
            close(outFD)
            unlink(path)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outFD, 1)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let start = now()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
        guard spawned == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = now() - start
        lseek(outFD, 0, SEEK_SET)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(outFD, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Outcome(status: exitStatus, seconds: seconds, maxRSSKilobytes: Int(usage.ru_maxrss), cpuSeconds: cpu,
                       output: String(decoding: bytes, as: UTF8.self))
    }

    /// The path of this executable.
    public static func selfPath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : Swift.CommandLine.arguments[0]
    }

    /// The full path of `program` on PATH, or nil.
    public static func which(_ program: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
