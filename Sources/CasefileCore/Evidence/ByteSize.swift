/// Sizes of files in words people read: `0 bytes`, `1 byte`, `12.3 KB`, `1.0 GB` (powers of 1000).
public enum ByteSize {
    /// `bytes` in the largest unit that keeps a number of at least 1.
    public static func text(_ bytes: UInt64) -> String {
        if bytes < 1000 { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        let units = ["KB", "MB", "GB", "TB", "PB"]
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
