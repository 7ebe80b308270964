/// Bulk exports written on every core: the items cut into parts, each part written into a
/// buffer of its own on its own thread, the buffers handed on in order. The bytes are those
/// of one pass over the items, since each item's bytes depend on the item alone.
extension ExportStream {
    /// Items per part when the caller does not say: large enough that a thread's start and
    /// the copy of its buffer cost little beside it, small enough that a round of parts
    /// (a part per core) stays a few megabytes in memory.
    static let defaultPartSize = 8192

    /// Appends what `write` appends for the items `0..<count`, given a range of them and
    /// the stream to write them to: on one core, or for fewer than two parts, all of them
    /// here; otherwise a round of parts at a time, each into a stream kept in memory.
    func appendParts(_ count: Int, partSize: Int?, _ write: (Range<Int>, ExportStream) -> Void) {
        let size = max(1, partSize ?? Self.defaultPartSize)
        let width = Parallel.width
        guard width > 1, count > size else {
            write(0..<count, self)
            return
        }
        var start = 0
        while start < count {
            let round = min(width, (count - start + size - 1) / size)
            let first = start
            let parts = Parallel.map(round) { index -> ExportStream in
                let lower = first + index * size
                let part = ExportStream()
                write(lower..<min(count, lower + size), part)
                return part
            }
            for part in parts { append(part) }
            start += round * size
        }
    }
}
