#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// What a line of a recfile is, decided in one place for every reader of case files (the
/// loader's `RecordScanner`, and `RecordScan` under diff, revision, log and merge), so
/// they cannot disagree about where a record starts or ends.
///
/// Lines end in LF; in a file whose first line ends in CR LF, every CR before an LF is
/// part of the line end; in any other file a CR is content (as recutils reads it), so a
/// line holding only a CR is not blank. A line of spaces and tabs is blank and ends a
/// record; `#` starts a comment; a line ending in a backslash (and a line end) takes the
/// next line with it; a record starts at its first well-formed `Name:` line.
struct RecordLines {
    /// The bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Whether lines end in CR LF, judged by the first line.
    let crlf: Bool

    /// Lines of `bytes`, with the line-end convention of its first line.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var crlf = false
        if let base = bytes.baseAddress, let found = memchr(base, 0x0A, bytes.count) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            crlf = index > 0 && bytes[index - 1] == 0x0D
        }
        self.crlf = crlf
    }

    /// Lines of `bytes` (a part of a file) with the file's line-end convention.
    init(bytes: UnsafeBufferPointer<UInt8>, crlf: Bool) {
        self.bytes = bytes
        self.crlf = crlf
    }

    /// The content bounds of the line starting at `position` (without its line end) and
    /// where the next line begins.
    func bounds(from position: Int) -> (start: Int, stop: Int, next: Int) {
        let end = bytes.count
        guard let base = bytes.baseAddress, position < end else { return (position, position, end) }
        var stop = end
        var next = end
        if let found = memchr(base + position, 0x0A, end - position) {
            stop = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            next = stop + 1
        }
        if crlf && stop > position && bytes[stop - 1] == 0x0D { stop -= 1 }
        return (position, stop, next)
    }

    /// Whether `start..<stop` holds only spaces and tabs.
    func isBlank(_ start: Int, _ stop: Int) -> Bool {
        var index = start
        while index < stop {
            let byte = bytes[index]
            if byte != 0x20 && byte != 0x09 { return false }
            index += 1
        }
        return true
    }

    /// Whether the line `start..<stop` (ending before `next`) joins the next line to it: it
    /// ends in a backslash and is terminated by a line end. (A first line holding only a
    /// backslash is an error of its own, checked with `isLoneBackslash` before this.)
    func joinsNext(_ start: Int, _ stop: Int, _ next: Int) -> Bool {
        stop > start && bytes[stop - 1] == UInt8(ascii: "\\") && next > stop
    }

    /// Whether `start..<stop` is a line holding only a backslash.
    func isLoneBackslash(_ start: Int, _ stop: Int) -> Bool {
        stop - start == 1 && bytes[start] == UInt8(ascii: "\\")
    }

    /// Whether `line[start..<stop]` (a logical line, joins done) begins with a well-formed
    /// field name and its colon: `[a-zA-Z%][a-zA-Z0-9_]*:`. Returns the colon's index.
    static func fieldColon(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int) -> Int? {
        guard start < stop else { return nil }
        let first = line[start]
        guard isLetter(first) || first == UInt8(ascii: "%") else { return nil }
        var index = start + 1
        while index < stop, isLetter(line[index]) || (line[index] >= 0x30 && line[index] <= 0x39) || line[index] == UInt8(ascii: "_") {
            index += 1
        }
        return index < stop && line[index] == UInt8(ascii: ":") ? index : nil
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }
}
