/// Where an export's bytes go: a buffer handed on in large pieces to a file descriptor,
/// or kept whole in memory. Writers append bytes; nothing here knows a format.
public final class ExportStream {
    /// The bytes not yet handed on (all of them for a stream kept in memory).
    public var bytes: [UInt8] { buffer }
    /// Private storage, touched only in this file: the optimiser can then drop the
    /// run-time exclusivity check a public stored property of a class costs on every append.
    private var buffer: [UInt8] = []
    /// The file the bytes go to, or nil for a stream kept in memory.
    private let descriptor: Int32?
    /// Hands the file's pages to the disk as they are written (see `WriteBehind`), so that
    /// the fsync that seals an export of hundreds of megabytes waits for little.
    private var writeBehind = WriteBehind()
    /// The errno of the first failed write, or 0: later writes are dropped.
    public private(set) var failure: Int32 = 0
    /// How many bytes have been handed on so far.
    public private(set) var writtenCount = 0
    private static let chunk = 1 << 20

    /// A stream kept in memory (tests, the shell's screen).
    public init() { descriptor = nil }

    /// A stream written to `fd` in pieces of a megabyte.
    public init(fd: Int32) {
        descriptor = fd
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    /// The bytes as text (for a stream kept in memory).
    public var text: String { String(decoding: buffer, as: UTF8.self) }

    /// Appends the UTF-8 bytes of `text`.
    @inline(__always)
    public func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.chunk { flushIfDraining() }
    }

    /// Lets `body` append to the buffer itself (escapers that copy runs and rewrite a few
    /// bytes), then hands a full buffer on.
    @inline(__always)
    func withBuffer(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= Self.chunk { flushIfDraining() }
    }

    /// Appends one byte.
    @inline(__always)
    public func append(byte: UInt8) { buffer.append(byte) }

    /// Appends the bytes of `part`, a stream kept in memory (written on another thread):
    /// to a file, after the bytes before it, straight from `part`'s buffer.
    func append(_ part: ExportStream) {
        guard descriptor != nil else {
            buffer.append(contentsOf: part.buffer)
            return
        }
        flushIfDraining()
        part.buffer.withUnsafeBufferPointer { hand($0) }
    }

    /// Empties a stream kept in memory, keeping its storage for the next bytes.
    func removeAll() { buffer.removeAll(keepingCapacity: true) }

    /// Appends raw bytes.
    public func append(contentsOf buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer.append(contentsOf: buffer)
        if self.buffer.count >= Self.chunk { flushIfDraining() }
    }

    /// Hands the bytes so far on (a no-op for a stream kept in memory); returns the errno of
    /// a failed write, or 0.
    @discardableResult
    public func flush() -> Int32 {
        flushIfDraining()
        return failure
    }

    private func flushIfDraining() {
        guard descriptor != nil, !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { hand($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` to the file (unless a write failed before) and counts them.
    private func hand(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let descriptor else { return }
        if failure == 0 {
            failure = AtomicFile.writeAll(descriptor, bytes)
            writeBehind.wrote(bytes.count, to: descriptor)
        }
        writtenCount += bytes.count
    }
}
