#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Splits recfile bytes into records: comments, `Field: value` lines, `+` continuation
/// lines, backslash-newline joins, blank-line separation, CRLF or LF line ends.
///
/// Works on bytes; a `String` is made once per value. Every problem is reported, the
/// scan goes on after it, and nothing a file holds can make it trap.
struct RecordScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Comment lines after the last record.
    private(set) var trailingComments: [String] = []
    /// Whether a problem was reported since the last record ended: the record being read
    /// is then incomplete, and what it lacks is a consequence, not a second problem.
    private var damaged = false
    /// How many problems were found beyond `maxDiagnostics`.
    private(set) var dropped = 0
    /// Whether to give the pages already scanned back to the system (only for bytes
    /// mapped from a file: they are read again from the page cache if needed).
    var releaseBehind = false
    private var released = 0
    private static let releaseStep = 16 << 20

    static let maxDiagnostics = 200

    /// The mapped file `bytes` lie in, at `sourceShift` from its start: values longer than
    /// a small string are then kept as ranges of it (`MappedValue`), decoded when read.
    var mappedSource: MappedFile?
    var sourceShift = 0
    /// Values this long or shorter are stored inline by `String`: no allocation to save.
    private static let inlineLength = 15

    /// What each line is: shared with every other reader of case files (`RecordLines`).
    let lines: RecordLines
    /// Whether lines end in CR LF, judged by the first line. In an LF file (every file
    /// casefile writes) a CR is part of the value, as recutils reads it.
    var crlf: Bool { lines.crlf }

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        lines = RecordLines(bytes: bytes)
    }

    /// Calls `body` with each record in file order. The record passed is reused between
    /// calls: copy what you keep.
    mutating func scan(_ body: (inout RawRecord) -> Void) {
        var record = RawRecord(line: 0, offset: 0, fields: [], fieldLines: [], comments: [])
        var inRecord = false
        var pendingComments: [String] = []
        var position = 0
        var lineNumber = 0
        let end = bytes.count
        var joined: [UInt8] = []

        func flush() {
            if inRecord {
                record.damaged = damaged
                damaged = false
                record.comments = pendingComments
                pendingComments.removeAll()
                body(&record)
                record.fields.removeAll(keepingCapacity: true)
                record.fieldLines.removeAll(keepingCapacity: true)
                if !record.innerComments.isEmpty { record.innerComments.removeAll() }
                inRecord = false
            } else {
                damaged = false
            }
        }

        while position < end {
            if releaseBehind && position - released >= Self.releaseStep { release(upTo: position) }
            lineNumber += 1
            let (start, stop, next) = lineBounds(from: position)
            position = next
            let first = start < stop ? bytes[start] : 0
            if isBlank(start, stop) {
                flush()
                continue
            }
            if first == UInt8(ascii: "#") {
                let text = makeString(start + 1, stop, line: lineNumber, column: 2) ?? ""
                if inRecord {
                    record.innerComments.append((record.fields.count, text))
                } else {
                    pendingComments.append(text)
                }
                continue
            }
            let startLine = lineNumber
            if lines.isLoneBackslash(start, stop) {
                report(lineNumber, 1, "a line holding only a backslash",
                       hint: "a backslash at the end of a value line joins the next line to it; remove this line")
                continue
            }
            // A backslash ending a (terminated) line joins the next physical line to it, as in recutils.
            if lines.joinsNext(start, stop, next) {
                joined.removeAll(keepingCapacity: true)
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(stop - 1)]))
                while position < end {
                    lineNumber += 1
                    let (s, e, n) = lineBounds(from: position)
                    position = n
                    if lines.joinsNext(s, e, n) {
                        joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[s..<(e - 1)]))
                    } else {
                        joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[s..<e]))
                        break
                    }
                }
                joined.withUnsafeBufferPointer { buffer in
                    classify(buffer, 0, buffer.count, line: startLine, record: &record, inRecord: &inRecord, mapped: false)
                }
            } else {
                classify(bytes, start, stop, line: startLine, record: &record, inRecord: &inRecord,
                         mapped: mappedSource != nil)
            }
            if record.fields.count == 1 && record.line == startLine { record.offset = start }
        }
        flush()
        trailingComments = pendingComments
    }

    /// Gives back the whole pages before `offset` (the scan never looks back at them).
    private mutating func release(upTo offset: Int) {
        guard let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = (offset / page) * page
        guard end > released else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
        released = end
    }

    /// The content bounds of the line starting at `position` (CR of CRLF excluded) and where the next begins.
    private func lineBounds(from position: Int) -> (Int, Int, Int) {
        let line = lines.bounds(from: position)
        return (line.start, line.stop, line.next)
    }

    private func isBlank(_ start: Int, _ stop: Int) -> Bool { lines.isBlank(start, stop) }

    private mutating func classify(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int, line number: Int,
                                   record: inout RawRecord, inRecord: inout Bool, mapped: Bool) {
        guard start < stop else { return }
        let first = line[start]
        if first == UInt8(ascii: "+") {
            guard inRecord, !record.fields.isEmpty else {
                report(number, 1, "a continuation line ('+') with no field before it",
                       hint: "start the value on a 'Field: value' line, or remove the '+'")
                return
            }
            // recutils drops one space after '+', but keeps a tab.
            var from = start + 1
            if from < stop && line[from] == 0x20 { from += 1 }
            let last = record.fields.count - 1
            // A line right after a value kept as a range (only its newline between) extends it.
            if mapped, let range = record.fields[last].mappedValue, range.end + 1 == start + sourceShift,
               Self.isValidUTF8(UnsafeBufferPointer(rebasing: line[from..<stop])),
               let longer = range.extended(to: stop + sourceShift) {
                record.fields[last] = Field(record.fields[last].name, mapped: longer)
                return
            }
            guard let text = makeString(line, from, stop, line: number, column: from - start + 1) else { return }
            // Appended in place: no temporary "\n" + text string.
            record.fields[last].value.append("\n")
            record.fields[last].value.append(text)
            return
        }
        // Field name: [a-zA-Z%][a-zA-Z0-9_]*
        var index = start
        if isLetter(first) || first == UInt8(ascii: "%") {
            index += 1
            while index < stop, isLetter(line[index]) || isDigit(line[index]) || line[index] == UInt8(ascii: "_") {
                index += 1
            }
        }
        guard index > start, index < stop, line[index] == UInt8(ascii: ":") else {
            if index == start, stop - start >= 3, line[start] == 0xEF, line[start + 1] == 0xBB, line[start + 2] == 0xBF {
                report(number, 1, "an invisible byte-order mark (U+FEFF) starts this line",
                       hint: "delete it (files joined with cat keep one at each join); a field name starts with a letter")
            } else if index == start {
                report(number, 1, "malformed field name: a field name starts with a letter",
                       hint: "write 'Name: value'; continue a value on the next line with '+ '")
            } else {
                let word = String(decoding: UnsafeBufferPointer(rebasing: line[start..<index]), as: UTF8.self)
                report(number, characterColumn(line, start, index), "malformed field name: expected ':' after '\(word)'",
                       hint: "field names use ASCII letters, digits and '_', then ':'")
            }
            return
        }
        let name = FieldNames.name(UnsafeBufferPointer(rebasing: line[start..<index]))
        var from = index + 1
        if from < stop && (line[from] == 0x20 || line[from] == 0x09) { from += 1 }
        let field: Field
        if mapped, stop - from > Self.inlineLength, let source = mappedSource,
           Self.isValidUTF8(UnsafeBufferPointer(rebasing: line[from..<stop])),
           let range = MappedValue(file: source, offset: from + sourceShift, count: stop - from) {
            field = Field(name, mapped: range)
        } else {
            guard let value = makeString(line, from, stop, line: number, column: from - start + 1) else { return }
            field = Field(name, value)
        }
        if !inRecord {
            inRecord = true
            record.line = number
        }
        record.fields.append(field)
        record.fieldLines.append(Int32(truncatingIfNeeded: number))
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    mutating func report(_ line: Int, _ column: Int, _ message: String, hint: String? = nil) {
        damaged = true
        guard diagnostics.count < Self.maxDiagnostics else {
            dropped += 1
            return
        }
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message, hint: hint))
    }
}
