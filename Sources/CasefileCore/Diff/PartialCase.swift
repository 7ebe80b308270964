#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A case read from some of a file's records: every descriptor, the header, hand-added
/// record types and trailing comments, and the records chosen — each copied with the
/// blank lines and comments before it, so the reader gives them the same meaning as
/// in the whole file. Problems are reported at the lines of the original file.
enum PartialCase {
    /// Reads the chosen records of `bytes` (scanned as `scan`).
    static func read(_ scan: RecordScan, _ bytes: UnsafeBufferPointer<UInt8>, include: [Bool],
                     name: String) throws(LoadError) -> CaseFile {
        var text = PartialText()
        var nextSection = 0
        for record in 0..<scan.count where include[record] {
            while nextSection <= Int(scan.section[record]) {
                let section = scan.sections[nextSection]
                text.append(bytes, section.chunk, line: section.line)
                nextSection += 1
            }
            text.append(bytes, scan.chunkStart[record]..<scan.chunkEnd[record], line: Int(scan.line[record]))
        }
        while nextSection < scan.sections.count {
            let section = scan.sections[nextSection]
            text.append(bytes, section.chunk, line: section.line)
            nextSection += 1
        }
        if let trailing = scan.trailing { text.append(bytes, trailing, line: scan.trailingLine) }
        do {
            return try text.bytes.withUnsafeBufferPointer { buffer in
                try CaseReader.read(bytes: buffer, file: name, validate: false).caseFile
            }
        } catch let error as LoadError {
            throw LoadError(error.diagnostics.map { diagnostic in
                var mapped = diagnostic
                mapped.line = text.originalLine(diagnostic.line)
                return mapped
            })
        } catch {
            throw LoadError([Diagnostic(file: name, line: 0, message: String(describing: error))])
        }
    }
}

/// Chunks of a file put together, remembering which original line each starts on.
struct PartialText {
    private(set) var bytes: [UInt8] = []
    /// (line in `bytes`, line in the original file) where each chunk starts.
    private var starts: [(partial: Int, original: Int)] = []
    private var lines = 1

    /// Appends the chunk `range` of `source`, which starts on line `line` of its file.
    mutating func append(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int) {
        guard !range.isEmpty, let base = source.baseAddress else { return }
        if let last = bytes.last, last != 0x0A {
            bytes.append(0x0A)
            lines += 1
        }
        // Keep records apart: a chunk that does not start with a blank line gets one.
        if !bytes.isEmpty && !Self.startsBlank(base, range) {
            bytes.append(0x0A)
            lines += 1
        }
        starts.append((lines, line))
        bytes.append(contentsOf: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
        var position = range.lowerBound
        while position < range.upperBound,
              let found = memchr(base + position, 0x0A, range.upperBound - position) {
            lines += 1
            position = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
    }

    /// The original line of line `line` of the put-together text.
    func originalLine(_ line: Int) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle].partial <= line { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return line }
        let start = starts[low - 1]
        return start.original + (line - start.partial)
    }

    private static func startsBlank(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Bool {
        var position = range.lowerBound
        while position < range.upperBound, base[position] == 0x20 || base[position] == 0x09 || base[position] == 0x0D {
            position += 1
        }
        return position < range.upperBound && base[position] == 0x0A
    }
}
