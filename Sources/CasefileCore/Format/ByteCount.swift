#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Fast counts over a file's bytes, to size tables before loading.
enum ByteCount {
    /// How many lines begin with `Id:`, `From:` and `On:`: about the number of entries, links
    /// and notes. One memchr walk over the lines (tens of milliseconds for 250 MB).
    static func records(in bytes: UnsafeBufferPointer<UInt8>) -> (entries: Int, links: Int, notes: Int) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return (0, 0, 0) }
        var entries = 0
        var links = 0
        var notes = 0
        var position = 0
        let end = bytes.count
        while position < end {
            let rest = end - position
            if rest >= 3 {
                let a = base[position]
                let b = base[position + 1]
                let c = base[position + 2]
                if a == 0x49 && b == 0x64 && c == 0x3A { entries += 1 }  // Id:
                else if a == 0x4F && b == 0x6E && c == 0x3A { notes += 1 }  // On:
                else if a == 0x46 && rest >= 5 && b == 0x72 && c == 0x6F && base[position + 3] == 0x6D
                            && base[position + 4] == 0x3A { links += 1 }  // From:
            }
            guard let found = memchr(base + position, 0x0A, rest) else { break }
            position = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return (entries, links, notes)
    }
}
