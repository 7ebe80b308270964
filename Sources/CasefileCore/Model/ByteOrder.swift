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
        var a = a
        var b = b
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                let count = min(pa.count, pb.count)
                if count > 0, let x = pa.baseAddress, let y = pb.baseAddress {
                    let result = memcmp(x, y, count)
                    if result != 0 { return Int(result) }
                }
                return pa.count - pb.count
            }
        }
    }

    /// Whether `a` sorts before `b` by UTF-8 bytes.
    public static func less(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    /// Lexicographic byte-order comparison over several string pairs, first difference wins.
    public static func less(_ pairs: (String, String)...) -> Bool {
        for (x, y) in pairs {
            let result = compare(x, y)
            if result != 0 { return result < 0 }
        }
        return false
    }

    /// Feeds the UTF-8 bytes of `text` (and its length, so parts do not run together) to `hasher`.
    public static func hash(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }
}
