#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Starts the disk writing a copy's pages while the copy goes on: every few megabytes,
/// `sync_file_range(SYNC_FILE_RANGE_WRITE)` on what was written since (asynchronous; it
/// does not wait, and it keeps the pages cached). The fsync that seals the copy then
/// waits only for the last blocks, and the disk works while the file is hashed. Where
/// the call is missing (not Linux), nothing happens and the fsync does it all.
struct WriteBehind {
    /// How many bytes are written before they are handed to the disk.
    static let stride = 16 << 20

    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

    /// `sync_file_range`, looked up once (Swift's Glibc does not declare it).
    private static let syncFileRange: SyncFileRange? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: SyncFileRange.self)
    }()

    /// `SYNC_FILE_RANGE_WRITE`: start writing dirty pages, do not wait.
    private static let startWriting: UInt32 = 2

    private var written: Int64 = 0
    private var handedOver: Int64 = 0

    /// Notes `count` more bytes written to `descriptor`, handing them to the disk once a
    /// stride has gathered.
    mutating func wrote(_ count: Int, to descriptor: Int32) {
        written += Int64(count)
        guard written - handedOver >= Int64(Self.stride), let call = Self.syncFileRange else { return }
        // A failure only means the fsync does the work: nothing to report.
        _ = call(descriptor, handedOver, written - handedOver, Self.startWriting)
        handedOver = written
    }
}
