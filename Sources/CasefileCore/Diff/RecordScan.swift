#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The records of a case file found at the byte level, without making a single
/// `String` per value: where each record's bytes are, which record type it belongs
/// to, and where its `Id` value is. Comparing two files then costs a scan and a hash
/// per record; only the records that differ are read properly (by `CaseReader`).
///
/// It follows the reader's rules for what a record is: blank lines separate records,
/// `#` lines are comments (they belong to the next record), a line ending in a
/// backslash takes the next line with it. It does not check anything else.
struct RecordScan {
    /// A record descriptor (`%rec: Person` and the lines after it).
    struct Section {
        /// The record type named by `%rec:`.
        var type: String
        /// The descriptor's bytes, with the comments and blank lines before it.
        var chunk: Range<Int>
        /// The line the chunk starts on.
        var line: Int
    }

    /// The descriptors, in file order.
    private(set) var sections: [Section] = []
    /// For each record (descriptors excluded), in file order: its bytes, from the end of
    /// the record before it (so blank lines and comments before it are included).
    private(set) var chunkStart: [Int] = []
    /// Where each record's first non-blank line (a comment or its first field) starts.
    private(set) var bodyStart: [Int] = []
    /// Where each record's bytes end (after its last line's newline).
    private(set) var chunkEnd: [Int] = []
    /// The line each chunk starts on.
    private(set) var line: [Int32] = []
    /// The descriptor each record follows (-1: none, an error the reader reports).
    private(set) var section: [Int32] = []
    /// Where each record's `Id` value is (`idStart` -1 when it has none, or one the
    /// byte scan cannot take as is: several Id lines, a continued or joined Id).
    private(set) var idStart: [Int] = []
    private(set) var idLength: [Int32] = []
    /// Comments after the last record (with the blank lines before them), if any.
    private(set) var trailing: Range<Int>?
    /// The line `trailing` starts on.
    private(set) var trailingLine = 0

    /// The number of records (descriptors excluded).
    var count: Int { chunkEnd.count }

    /// Scans `bytes`.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        let estimate = bytes.count / 200
        chunkStart.reserveCapacity(estimate)
        bodyStart.reserveCapacity(estimate)
        chunkEnd.reserveCapacity(estimate)
        line.reserveCapacity(estimate)
        section.reserveCapacity(estimate)
        idStart.reserveCapacity(estimate)
        idLength.reserveCapacity(estimate)
        guard let base = bytes.baseAddress else { return }
        let end = bytes.count
        var position = 0
        var lineNumber = 0
        var chunk = 0
        var chunkLine = 1
        var body = -1
        var inRecord = false
        var firstField = 0
        var recordId = -1
        var recordIdLength = 0
        var idUsable = true
        var lastWasId = false
        var currentSection: Int32 = -1

        func finish(at stop: Int) {
            if base[firstField] == UInt8(ascii: "%"), Self.startsWith(base, firstField, stop, "%rec:") {
                var from = firstField + 5
                var to = from
                while to < stop, base[to] != 0x0A, base[to] != 0x0D { to += 1 }
                while from < to, base[from] == 0x20 || base[from] == 0x09 { from += 1 }
                while to > from, base[to - 1] == 0x20 || base[to - 1] == 0x09 { to -= 1 }
                let type = String(decoding: UnsafeBufferPointer(start: base + from, count: to - from), as: UTF8.self)
                sections.append(Section(type: type, chunk: chunk..<stop, line: chunkLine))
                currentSection = Int32(sections.count - 1)
            } else {
                chunkStart.append(chunk)
                bodyStart.append(body)
                chunkEnd.append(stop)
                line.append(Int32(truncatingIfNeeded: chunkLine))
                section.append(currentSection)
                idStart.append(idUsable ? recordId : -1)
                idLength.append(Int32(truncatingIfNeeded: recordIdLength))
            }
        }

        while position < end {
            lineNumber += 1
            let start = position
            var stop = end
            var next = end
            if let found = memchr(base + position, 0x0A, end - position) {
                stop = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                next = stop + 1
            }
            if stop > start && base[stop - 1] == 0x0D { stop -= 1 }
            position = next
            var blank = true
            var probe = start
            while probe < stop {
                if base[probe] != 0x20 && base[probe] != 0x09 { blank = false; break }
                probe += 1
            }
            if blank {
                if inRecord {
                    finish(at: start)
                    inRecord = false
                    chunk = start
                    chunkLine = lineNumber
                    body = -1
                }
                continue
            }
            if body < 0 { body = start }
            let first = base[start]
            if first == UInt8(ascii: "#") { continue }
            if !inRecord {
                inRecord = true
                firstField = start
                recordId = -1
                recordIdLength = 0
                idUsable = true
                lastWasId = false
            }
            // A trailing backslash joins the next physical line, blank or not.
            var joins = stop > start && base[stop - 1] == UInt8(ascii: "\\")
            let joined = joins
            while joins, position < end {
                lineNumber += 1
                var joinedStop = end
                var joinedNext = end
                if let found = memchr(base + position, 0x0A, end - position) {
                    joinedStop = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    joinedNext = joinedStop + 1
                }
                if joinedStop > position && base[joinedStop - 1] == 0x0D { joinedStop -= 1 }
                joins = joinedStop > position && base[joinedStop - 1] == UInt8(ascii: "\\")
                position = joinedNext
            }
            if first == UInt8(ascii: "+") {
                if lastWasId { idUsable = false }
                continue
            }
            lastWasId = false
            if Self.startsWith(base, start, stop, "Id:") {
                if recordId >= 0 || joined { idUsable = false }
                var from = start + 3
                if from < stop, base[from] == 0x20 || base[from] == 0x09 { from += 1 }
                recordId = from
                recordIdLength = stop - from
                lastWasId = true
            }
        }
        if inRecord {
            finish(at: end)
        } else if body >= 0 {
            trailing = chunk..<end
            trailingLine = chunkLine
        }
    }

    /// Whether the line at `start` (ending before `stop`) begins with `prefix` (ASCII).
    static func startsWith(_ base: UnsafePointer<UInt8>, _ start: Int, _ stop: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard stop - start >= count else { return false }
        return memcmp(base + start, prefix.utf8Start, count) == 0
    }
}
