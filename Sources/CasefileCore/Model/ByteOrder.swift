#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Canonical ordering compares UTF-8 bytes, never locale or Unicode collation, so that
/// every machine writes the same order.
public enum ByteOrder {
    /// Compares `a` and `b` by UTF-8 bytes: negative, zero or positive.
    public static func compare(_ a: String, _ b: String) -> Int {
        // Native strings lend their bytes without a copy or a retain: this runs for every
        // comparison of every sort of Ids, links and notes.
        if let result = a.utf8.withContiguousStorageIfAvailable({ pa in
            b.utf8.withContiguousStorageIfAvailable { pb in compare(pa, pb) }
        }), let result {
            return result
        }
        var a = a
        var b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in compare(pa, pb) } }
    }

    /// Compares two byte buffers: negative, zero or positive.
    @inline(__always)
    static func compare(_ pa: UnsafeBufferPointer<UInt8>, _ pb: UnsafeBufferPointer<UInt8>) -> Int {
        let count = min(pa.count, pb.count)
        if count > 0, let x = pa.baseAddress, let y = pb.baseAddress {
            let result = memcmp(x, y, count)
            if result != 0 { return Int(result) }
        }
        return pa.count - pb.count
    }

    /// Whether `a` sorts before `b` by UTF-8 bytes.
    public static func less(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    /// Feeds the UTF-8 bytes of `text` (and its length, so parts do not run together) to `hasher`.
    public static func hash(_ text: String, into hasher: inout Hasher) {
        let count = text.utf8.count
        if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        hasher.combine(count)
    }

    /// Whether `keys` are in strictly ascending byte order: one memcmp per pair, no closures
    /// (run on every load over a million Ids, which a canonical file has in order already).
    public static func isStrictlyAscending(_ keys: [String]) -> Bool {
        guard keys.count > 1 else { return true }
        var previous = keys[0]
        for index in 1..<keys.count {
            var current = keys[index]
            let ascending = previous.withUTF8 { a in
                current.withUTF8 { b in
                    let count = min(a.count, b.count)
                    if count > 0, let x = a.baseAddress, let y = b.baseAddress {
                        let result = memcmp(x, y, count)
                        if result != 0 { return result < 0 }
                    }
                    return a.count < b.count
                }
            }
            if !ascending { return false }
            previous = current
        }
        return true
    }
}
