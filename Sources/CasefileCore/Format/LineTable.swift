#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Turns byte offsets into line numbers, built on first use only: a valid file never pays for it.
struct LineTable {
    let bytes: UnsafeBufferPointer<UInt8>
    private var starts: [Int]?

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The line and column of `field` in the record at `offset` (or of the record itself).
    mutating func locate(offset: Int, field: String?) -> (line: Int, column: Int) {
        let table = lineStarts()
        var low = 0
        var high = table.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if table[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var line = low
        guard let field else { return (line + 1, 1) }
        // Walk the record's lines to the field.
        let prefix = Array((field + ":").utf8)
        while line < table.count {
            let start = table[line]
            let end = line + 1 < table.count ? table[line + 1] - 1 : bytes.count
            if end <= start || (end - start == 1 && bytes[start] == 0x0D) { break }  // blank line: record ended
            if end - start >= prefix.count && zip(bytes[start..<(start + prefix.count)], prefix).allSatisfy(==) {
                return (line + 1, prefix.count + 1 + (end - start > prefix.count && bytes[start + prefix.count] == 0x20 ? 1 : 0))
            }
            line += 1
        }
        return (low + 1, 1)
    }

    /// Line `number` (1-based) quoted for a fault at `column` (in scalars), without its line end;
    /// nil past the end of the bytes.
    mutating func quote(line number: Int, column: Int) -> QuotedLine? {
        let table = lineStarts()
        guard number >= 1, number <= table.count else { return nil }
        let start = table[number - 1]
        var end = number < table.count ? table[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        guard start <= end else { return nil }
        return QuotedLine(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]), column: column)
    }

    /// Gives each of `diagnostics` about `file` the line it points into (notes and
    /// whole-file problems, line 0, quote nothing).
    mutating func quoting(_ diagnostics: [Diagnostic], in file: String) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard diagnostic.line > 0, diagnostic.severity != .note, diagnostic.file == file else { return diagnostic }
            var quoted = diagnostic
            quoted.quoted = quote(line: diagnostic.line, column: diagnostic.column)
            return quoted
        }
    }

    private mutating func lineStarts() -> [Int] {
        if let starts { return starts }
        var result = [0]
        if let base = bytes.baseAddress {
            var position = 0
            while position < bytes.count, let found = memchr(base + position, 0x0A, bytes.count - position) {
                position = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                result.append(position)
            }
        }
        starts = result
        return result
    }
}
