#if canImport(Glibc)
import Glibc
#endif

/// Compares two files a megabyte at a time (no memory growth that would blur the peak).
enum FileCompare {
    static func same(_ a: String, _ b: String) -> Bool {
        let fa = open(a, O_RDONLY)
        let fb = open(b, O_RDONLY)
        defer {
            if fa >= 0 { close(fa) }
            if fb >= 0 { close(fb) }
        }
        guard fa >= 0, fb >= 0 else { return false }
        var x = [UInt8](repeating: 0, count: 1 << 20)
        var y = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = fill(fa, &x)
            let m = fill(fb, &y)
            if n != m { return false }
            if n == 0 { return true }
            if memcmp(x, y, n) != 0 { return false }
        }
    }

    private static func fill(_ fd: Int32, _ buffer: inout [UInt8]) -> Int {
        var total = 0
        while total < buffer.count {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, $0.count - total) }
            if count <= 0 { break }
            total += count
        }
        return total
    }
}
