import Foundation

/// Bulk exports written on every core: the items cut into parts, each part written into a
/// buffer of its own on a worker, the buffers handed on in order. The bytes are those of
/// one pass over the items, since each item's bytes depend on the item alone.
extension ExportStream {
    /// Items per part when the caller does not say: large enough that handing a part on
    /// costs little beside writing it, small enough that the parts in flight (one per
    /// core) stay a few megabytes in memory.
    static let defaultPartSize = 8192

    /// Appends what `write` appends for the items `0..<count`, given a range of them and
    /// the stream to write them to: on one core, or for fewer than two parts, all of them
    /// here; otherwise on every core, each worker taking the next part, writing it into its
    /// own buffer and, when the parts before it are handed on, handing it on itself (to
    /// the file, with no copy) while the others go on. No core waits for the writes but
    /// the one whose turn it is, and each worker reuses one buffer for all its parts.
    func appendParts(_ count: Int, partSize: Int?, _ write: (Range<Int>, ExportStream) -> Void) {
        let size = max(1, partSize ?? Self.defaultPartSize)
        let width = Parallel.width
        guard width > 1, count > size else {
            write(0..<count, self)
            return
        }
        let parts = (count + size - 1) / size
        let turns = PartTurns()
        Parallel.workers(min(width, parts)) {
            let part = ExportStream()
            // Parts are taken in increasing order, so the part whose turn it is has always
            // been taken by a worker that is writing it, not waiting: no worker waits for ever.
            while let index = turns.take(below: parts) {
                let lower = index * size
                part.removeAll()
                write(lower..<min(count, lower + size), part)
                turns.wait(for: index)
                append(part)
                turns.done(index)
            }
        }
    }
}

/// Which part of an export is taken next and which is handed on next, shared by the
/// workers of `ExportStream.appendParts`.
private final class PartTurns: @unchecked Sendable {
    private let condition = NSCondition()
    private var taken = 0
    private var handedOn = 0

    /// The next part not yet taken, or nil when all `count` are.
    func take(below count: Int) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard taken < count else { return nil }
        taken += 1
        return taken - 1
    }

    /// Waits until every part before `index` is handed on.
    func wait(for index: Int) {
        condition.lock()
        while handedOn != index { condition.wait() }
        condition.unlock()
    }

    /// Notes that part `index` is handed on, so the next may be.
    func done(_ index: Int) {
        condition.lock()
        handedOn = index + 1
        condition.broadcast()
        condition.unlock()
    }
}
