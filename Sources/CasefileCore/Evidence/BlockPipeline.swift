import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A file read in large blocks on a second thread (which also writes each block to the
/// copy, if there is one) while the caller hashes the block before: reading, copying and
/// hashing overlap, so storing a file costs about what SHA-256 or the disk alone costs.
/// One read pass; a few blocks of memory whatever the file's size.
final class BlockPipeline: @unchecked Sendable {
    // The reader thread and the caller share these buffers; the semaphores order every
    // access (a slot is written only after the caller gave it back), which Sendable
    // checking cannot see.
    private let descriptor: Int32
    private let blockSize: Int
    private let slots: Int
    private let buffers: UnsafeMutablePointer<UnsafeMutableRawPointer>
    private let counts: UnsafeMutablePointer<Int>
    private let errors: UnsafeMutablePointer<Int32>
    private let copy: Int32?
    private var writeBehind = WriteBehind()
    private let free: DispatchSemaphore
    private let filled = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stopped = false

    private init(descriptor: Int32, copy: Int32?, blockSize: Int, slots: Int) {
        self.descriptor = descriptor
        self.copy = copy
        self.blockSize = blockSize
        self.slots = slots
        buffers = .allocate(capacity: slots)
        for slot in 0..<slots { buffers[slot] = .allocate(byteCount: blockSize, alignment: 64) }
        counts = .allocate(capacity: slots)
        counts.initialize(repeating: 0, count: slots)
        errors = .allocate(capacity: slots)
        errors.initialize(repeating: 0, count: slots)
        free = DispatchSemaphore(value: slots)
    }

    deinit {
        for slot in 0..<slots { buffers[slot].deallocate() }
        buffers.deallocate()
        counts.deallocate()
        errors.deallocate()
    }

    /// Why reading (or copying) stopped before the end.
    enum Failure: Equatable {
        /// A read failed with this errno.
        case read(Int32)
        /// A write to the copy failed with this errno.
        case write(Int32)
    }

    /// Reads `descriptor` from its offset to its end in blocks of `blockSize` bytes,
    /// writes each to `copy` if given (its pages handed to the disk as they gather,
    /// `WriteBehind`), and calls `body` with each, in order, on the calling thread.
    /// Returns nil, or the read or write that failed (the blocks before it were given to
    /// `body`); an error `body` throws stops the reading and is thrown.
    static func read(_ descriptor: Int32, copyingTo copy: Int32? = nil, blockSize: Int, slots: Int = 3,
                     each body: (UnsafeRawBufferPointer) throws(EvidenceError) -> Void) throws(EvidenceError) -> Failure? {
        let pipeline = BlockPipeline(descriptor: descriptor, copy: copy, blockSize: blockSize, slots: max(2, slots))
        let reader = Thread { pipeline.readAll() }
        reader.stackSize = 1 << 18
        reader.start()
        defer { pipeline.stop() }
        var index = 0
        while true {
            pipeline.filled.wait()
            let slot = index % pipeline.slots
            let count = pipeline.counts[slot]
            // A write error is recorded as a negative errno, a read error as a positive one.
            let code = pipeline.errors[slot]
            if code > 0 { return .read(code) }
            if code < 0 { return .write(-code) }
            if count > 0 { try body(UnsafeRawBufferPointer(start: pipeline.buffers[slot], count: count)) }
            if count < blockSize { return nil }
            pipeline.free.signal()
            index += 1
        }
    }

    /// The reader thread: fills free slots in turn until the end of the file, a failed
    /// read, or `stop`. A block shorter than `blockSize` is the last.
    private func readAll() {
        defer { finished.signal() }
        var index = 0
        while true {
            free.wait()
            if isStopped { return }
            let slot = index % slots
            let buffer = buffers[slot]
            var count = 0
            var code: Int32 = 0
            while count < blockSize {
                let got = Glibc.read(descriptor, buffer + count, blockSize - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    code = errno
                    break
                }
                if got == 0 { break }
                count += got
            }
            if code == 0, count > 0, let copy {
                let written = AtomicFile.writeAll(copy, UnsafeBufferPointer(start: buffer.assumingMemoryBound(to: UInt8.self), count: count))
                if written != 0 {
                    code = -written
                } else {
                    writeBehind.wrote(count, to: copy)
                }
            }
            counts[slot] = count
            errors[slot] = code
            filled.signal()
            if code != 0 || count < blockSize { return }
            index += 1
        }
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Tells the reader to stop and waits until it has: the buffers are then the caller's.
    private func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        free.signal()
        finished.wait()
    }
}
