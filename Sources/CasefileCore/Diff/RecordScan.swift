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
/// What a line is (blank, comment, joined, a field) is decided by `RecordLines`, which
/// the reader's `RecordScanner` uses too: both find the same records, and a record
/// starts at its first well-formed field line, as in the reader. Nothing else is checked.
struct RecordScan {
    /// A record descriptor (`%rec: Person` and the lines after it).
    struct Section {
        /// The record type named by `%rec:`.
        var type: String
        /// The descriptor's bytes, with the comments and blank lines before it.
        var chunk: Range<Int>
        /// The line the chunk starts on.
        var line: Int
        /// The line of its `%rec:` field.
        var fieldLine: Int
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
    /// The line of each record's first field (where the reader says the record is).
    private(set) var fieldLine: [Int32] = []
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
        fieldLine.reserveCapacity(estimate)
        section.reserveCapacity(estimate)
        idStart.reserveCapacity(estimate)
        idLength.reserveCapacity(estimate)
        guard let base = bytes.baseAddress else { return }
        let lines = RecordLines(bytes: bytes)
        let end = bytes.count
        var position = 0
        var lineNumber = 0
        var chunk = 0
        var chunkLine = 1
        var body = -1
        var inRecord = false
        var firstField = 0
        var firstFieldStop = 0
        var firstFieldLine = 0
        var lastWasFirst = false
        var recordId = -1
        var recordIdLength = 0
        var idUsable = true
        var lastWasId = false
        var currentSection: Int32 = -1
        var joinedLine: [UInt8] = []

        func finish(at stop: Int) {
            if let type = Self.descriptorType(base, firstField, firstFieldStop, crlf: lines.crlf) {
                sections.append(Section(type: type, chunk: chunk..<stop, line: chunkLine, fieldLine: firstFieldLine))
                currentSection = Int32(sections.count - 1)
            } else {
                chunkStart.append(chunk)
                bodyStart.append(body)
                chunkEnd.append(stop)
                line.append(Int32(truncatingIfNeeded: chunkLine))
                fieldLine.append(Int32(truncatingIfNeeded: firstFieldLine))
                section.append(currentSection)
                idStart.append(idUsable ? recordId : -1)
                idLength.append(Int32(truncatingIfNeeded: recordIdLength))
            }
        }

        while position < end {
            lineNumber += 1
            let (start, stop, next) = lines.bounds(from: position)
            position = next
            if lines.isBlank(start, stop) {
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
            if first == UInt8(ascii: "#") || lines.isLoneBackslash(start, stop) { continue }
            let startLine = lineNumber
            let joined = lines.joinsNext(start, stop, next)
            if joined {
                // The logical line, joins done, to tell a field line from a malformed one.
                joinedLine.removeAll(keepingCapacity: true)
                joinedLine.append(contentsOf: UnsafeBufferPointer(start: base + start, count: stop - 1 - start))
                while position < end {
                    lineNumber += 1
                    let (s, e, n) = lines.bounds(from: position)
                    position = n
                    if lines.joinsNext(s, e, n) {
                        joinedLine.append(contentsOf: UnsafeBufferPointer(start: base + s, count: e - 1 - s))
                    } else {
                        joinedLine.append(contentsOf: UnsafeBufferPointer(start: base + s, count: e - s))
                        break
                    }
                }
            }
            if first == UInt8(ascii: "+") {
                if lastWasId { idUsable = false }
                // A descriptor's type may go on over `+` lines: its bytes run to here.
                if inRecord && lastWasFirst { firstFieldStop = position }
                continue
            }
            let isField = joined
                ? joinedLine.withUnsafeBufferPointer { RecordLines.fieldColon($0, 0, $0.count) != nil }
                : RecordLines.fieldColon(bytes, start, stop) != nil
            // A malformed line is an error the reader reports; it neither starts a record nor ends one.
            guard isField else { continue }
            lastWasFirst = !inRecord
            if !inRecord {
                inRecord = true
                firstField = start
                // With its line end: `descriptorType` reads these lines again, and a CR the
                // scan took as part of a CR LF must not be taken off a second time.
                firstFieldStop = position
                firstFieldLine = startLine
                recordId = -1
                recordIdLength = 0
                idUsable = true
                lastWasId = false
            }
            lastWasId = false
            if Self.startsWith(base, start, stop, "Id:") || (joined && joinedLine.starts(with: Array("Id:".utf8))) {
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

    /// The type a record's first field names if it is `%rec:` (a descriptor), else nil:
    /// its value as the reader reads it (`start..<stop` holds the field's lines with their
    /// line ends, its joins and `+` lines, and any comment or broken line among them),
    /// trimmed of spaces.
    static func descriptorType(_ base: UnsafePointer<UInt8>, _ start: Int, _ stop: Int, crlf: Bool) -> String? {
        guard base[start] == UInt8(ascii: "%") else { return nil }
        let lines = RecordLines(bytes: UnsafeBufferPointer(start: base + start, count: stop - start), crlf: crlf)
        var value: [UInt8] = []
        var position = 0
        var first = true
        while position < lines.bytes.count {
            var (lineStart, lineStop, next) = lines.bounds(from: position)
            position = next
            var logical = Array(lines.bytes[lineStart..<lineStop])
            // As in the scan: a comment or a lone backslash joins nothing.
            if lineStart < lineStop, lines.bytes[lineStart] != UInt8(ascii: "#"), !lines.isLoneBackslash(lineStart, lineStop) {
                while lines.joinsNext(lineStart, lineStop, next) {
                    // The backslash goes even when no line follows it, as in the reader.
                    logical.removeLast()
                    guard position < lines.bytes.count else { break }
                    (lineStart, lineStop, next) = lines.bounds(from: position)
                    position = next
                    logical += lines.bytes[lineStart..<lineStop]
                }
            }
            if first {
                guard logical.starts(with: Array("%rec:".utf8)) else { return nil }
                var from = 5
                if from < logical.count, logical[from] == 0x20 || logical[from] == 0x09 { from += 1 }
                value = Array(logical[from...])
                first = false
            } else if logical.first == UInt8(ascii: "+") {
                var from = 1
                if from < logical.count, logical[from] == 0x20 { from += 1 }
                value.append(0x0A)
                value += logical[from...]
            }
        }
        var from = 0
        var to = value.count
        while from < to, value[from] == 0x20 || value[from] == 0x09 { from += 1 }
        while to > from, value[to - 1] == 0x20 || value[to - 1] == 0x09 { to -= 1 }
        return String(decoding: value[from..<to], as: UTF8.self)
    }

    /// Whether the line at `start` (ending before `stop`) begins with `prefix` (ASCII).
    static func startsWith(_ base: UnsafePointer<UInt8>, _ start: Int, _ stop: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard stop - start >= count else { return false }
        return memcmp(base + start, prefix.utf8Start, count) == 0
    }
}
