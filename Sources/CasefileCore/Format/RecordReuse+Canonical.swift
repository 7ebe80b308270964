#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension RecordReuse {
    /// The length of `entry`'s record at `start` of the old file when those bytes are
    /// exactly what `CaseWriter` writes for the entry, else nil (the record is written).
    ///
    /// A value still read from the old file's mapping is compared by position: its bytes
    /// are those after `Name: ` when it starts there, and a line of it needs no more than
    /// checking that it is in the writer's form (`+ ` continuations, `+` alone for an empty
    /// line, no line ending in a backslash). Any other field is encoded and compared.
    ///
    /// - Complexity: O(fields) for values in the mapping (plus a scan of each multi-line
    ///   one), O(bytes) for the others.
    mutating func canonicalLength(of entry: Entry, at start: Int) -> Int? {
        guard entry.comments.isEmpty, start >= 0, start < old.count, let base = old.baseAddress else { return nil }
        var cursor = start
        scratch.removeAll(keepingCapacity: true)
        FieldEncoding.append(name: "Id", value: entry.id, to: &scratch)
        guard matches(scratch, at: &cursor) else { return nil }
        for field in entry.fields {
            if let value = field.mappedValue, value.file.bytes.baseAddress == base, value.count > 0 {
                // `Name: ` then the value's own bytes, then the newline.
                let nameEnd = cursor + field.name.utf8.count
                guard nameEnd + 2 <= old.count, value.offset == nameEnd + 2, value.end < old.count,
                      matchesName(field.name, at: cursor), old[nameEnd] == UInt8(ascii: ":"), old[nameEnd + 1] == 0x20,
                      old[value.end] == FieldEncoding.newline, isWrittenForm(value.offset..<value.end, multiline: value.isMultiline)
                else { return nil }
                cursor = value.end + 1
            } else {
                scratch.removeAll(keepingCapacity: true)
                FieldEncoding.append(field, to: &scratch)
                guard matches(scratch, at: &cursor) else { return nil }
            }
        }
        return cursor - start
    }

    /// Whether the old bytes at `cursor` are `expected`; moves past them when they are.
    private func matches(_ expected: [UInt8], at cursor: inout Int) -> Bool {
        guard cursor + expected.count <= old.count, let base = old.baseAddress else { return false }
        let same = expected.withUnsafeBufferPointer { want in
            want.baseAddress.map { memcmp(base + cursor, $0, want.count) == 0 } ?? true
        }
        if same { cursor += expected.count }
        return same
    }

    /// Whether `name`'s bytes are at `offset` (the caller checked there is room).
    private func matchesName(_ name: String, at offset: Int) -> Bool {
        var index = offset
        for byte in name.utf8 {
            guard old[index] == byte else { return false }
            index += 1
        }
        return true
    }

    /// Whether the value bytes in `range` are as the writer writes them: one line not ending
    /// in a backslash, or lines each continued by `+ ` (`+` alone for an empty one).
    private func isWrittenForm(_ range: Range<Int>, multiline: Bool) -> Bool {
        // The first line is not empty: the writer puts no space after the colon then.
        guard let base = old.baseAddress, !range.isEmpty, old[range.lowerBound] != FieldEncoding.newline else { return false }
        var lineStart = range.lowerBound
        while true {
            var lineEnd = range.upperBound
            if multiline, let found = memchr(base + lineStart, Int32(FieldEncoding.newline), range.upperBound - lineStart) {
                lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            if lineEnd > lineStart && old[lineEnd - 1] == FieldEncoding.backslash { return false }
            if lineEnd == range.upperBound { return true }
            // The next line: `+` then the end of the value or a newline (an empty line), or
            // `+ ` and at least one byte of the line.
            let plus = lineEnd + 1
            guard plus < range.upperBound, old[plus] == UInt8(ascii: "+") else { return false }
            if plus + 1 == range.upperBound || old[plus + 1] == FieldEncoding.newline {
                lineStart = plus + 1
                continue
            }
            guard old[plus + 1] == 0x20, plus + 2 < range.upperBound, old[plus + 2] != FieldEncoding.newline else { return false }
            lineStart = plus + 2
        }
    }
}
