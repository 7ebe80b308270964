#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Keeps the pages of a large file being written (an evidence copy, an export) moving to
/// the disk and out of memory while the writing goes on:
/// every few megabytes, `sync_file_range(SYNC_FILE_RANGE_WRITE)` starts writing what was
/// written since (asynchronous), then the stride before, started one stride ago, is
/// waited for and its now clean pages are dropped from the page cache
/// (`POSIX_FADV_DONTNEED`). The copy thus holds about two strides of memory whatever its
/// size, and writes into pages the kernel has just freed: on a virtual machine whose
/// host takes back the guest's free memory (balloon free page reporting), every page
/// newly taken into the cache costs a host fault, which made a copy left in the cache
/// spend several times the CPU of the copy itself (a gigabyte: about 3 s of system time
/// instead of 0.5 s). The fsync that seals the copy then waits only for the last
/// strides; durability rests on it alone, never on these calls. Where the call is
/// missing (not Linux), nothing happens and the fsync does it all.
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
    /// `SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER`:
    /// write the range and wait until the disk has it.
    private static let writeAndWait: UInt32 = 1 | 2 | 4

    private var written: Int64 = 0
    private var handedOver: Int64 = 0
    private var released: Int64 = 0

    /// Notes `count` more bytes written to `descriptor`, handing them to the disk once a
    /// stride has gathered and giving back the memory of the stride handed over before.
    mutating func wrote(_ count: Int, to descriptor: Int32) {
        written += Int64(count)
        guard written - handedOver >= Int64(Self.stride), let call = Self.syncFileRange else { return }
        // A failure of either call only means the pages stay until the fsync: nothing to report.
        _ = call(descriptor, handedOver, written - handedOver, Self.startWriting)
        if handedOver > released, call(descriptor, released, handedOver - released, Self.writeAndWait) == 0 {
            _ = posix_fadvise(descriptor, off_t(released), off_t(handedOver - released), Int32(POSIX_FADV_DONTNEED))
            released = handedOver
        }
        handedOver = written
    }

    /// Drops the cached pages of the whole file `descriptor` once it is on the disk (after
    /// its fsync): a stored copy is not read again soon, and its memory is better reused.
    static func release(_ descriptor: Int32) {
        _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED))
    }
}
