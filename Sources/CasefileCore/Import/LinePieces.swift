#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A text cut into nearly equal pieces at line boundaries, each knowing the number of its
/// first line, so that line-oriented readers (twarc's JSON lines) can read the pieces on
/// separate threads and still name lines as a single pass would.
struct LinePieces: @unchecked Sendable {
    // The bytes are only read, and only while the caller lends them.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Piece `k` is `bounds[k]..<bounds[k + 1]`; each starts a line.
    private(set) var bounds: [Int]
    /// The 1-based number of each piece's first line.
    private(set) var firstLines: [Int]

    /// How many pieces to cut `byteCount` bytes into: one below a few megabytes (threads
    /// cost more than they save), else a few per core, so that a core that finishes
    /// early (or was busy with something else) takes another.
    static func parts(for byteCount: Int) -> Int {
        max(1, min(4 * Parallel.width, byteCount / (4 << 20)))
    }

    /// `bytes` cut into `parts` pieces (fewer when it has fewer lines).
    init(_ bytes: UnsafeBufferPointer<UInt8>, parts: Int) {
        self.bytes = bytes
        let count = bytes.count
        var bounds = [0]
        for part in 1..<max(1, parts) {
            let target = max(bounds[bounds.count - 1], count * part / parts)
            guard target < count, let base = bytes.baseAddress,
                  let found = memchr(base + target, 0x0A, count - target) else { break }
            let next = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            if next > bounds[bounds.count - 1], next < count { bounds.append(next) }
        }
        bounds.append(count)
        self.bounds = bounds
        let pieceCount = bounds.count - 1
        let breaks = Parallel.map(pieceCount) { index in
            Self.lineBreaks(in: UnsafeBufferPointer(rebasing: bytes[bounds[index]..<bounds[index + 1]]))
        }
        var firstLines: [Int] = []
        var line = 1
        for count in breaks {
            firstLines.append(line)
            line += count
        }
        self.firstLines = firstLines
    }

    /// The number of pieces.
    var count: Int { bounds.count - 1 }

    /// Calls `body` with each line of piece `index` (without its line feed) and its number.
    func forEachLine(of index: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        var start = bounds[index]
        let end = bounds[index + 1]
        var line = firstLines[index]
        guard let base = bytes.baseAddress else { return }
        while start < end {
            var stop = end
            if let found = memchr(base + start, 0x0A, end - start) {
                stop = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            body(UnsafeBufferPointer(rebasing: bytes[start..<stop]), line)
            start = stop + 1
            line += 1
        }
    }

    private static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var breaks = 0
        var start = 0
        while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
            breaks += 1
            start = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return breaks
    }
}
