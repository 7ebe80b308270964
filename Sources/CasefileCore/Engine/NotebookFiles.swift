#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The file a notebook's case is saved to, the lock it holds on it, and what the file
/// held when it was read or last saved. Part of a `Notebook`.
struct NotebookFiles {
    /// The file the case is saved to (nil for a new case never saved).
    var path: String?
    /// Whether `open`, `new` and `save --as` take the case file's lock (the shell and
    /// `casefile run`; off in tests that open one case twice in one process).
    var locksFiles = false
    /// The lock of the case file, while this notebook holds it.
    var caseLock: CaseLock?
    /// Why the open case's lock could not be taken (then it is read-only), or nil.
    var lockProblem: LockFailure?
    /// The hash of the file's bytes when it was loaded or last saved, to notice edits on disk.
    var diskHash: UInt64?
    /// The identity of the case file as it was read (unchanged while it was read), for
    /// the saved search index; nil for a new case or after a save.
    var loadedFileIdentity: SearchIndexFile.CaseIdentity?
    /// The file read or last saved, mapped, with where its entries' records are: the next
    /// save copies the records of unchanged entries from there.
    var copySource: CopySource?
    /// The mapped file the case's unchanged values are read from (see `MappedValue`), or
    /// nil when they are all in memory (a new case, one read from a stream).
    var mapping: MappedFile?
    /// Tells this notebook's private files apart from any other's (drafts of a case with no file).
    let instanceToken = UInt64.random(in: 1...UInt64.max)
}

/// A file whose records the next save may copy: its mapping and where its records are.
struct CopySource {
    /// The mapped file.
    let file: MappedFile
    /// Where its entries' records are.
    let records: WrittenRecords

    /// The records of a file that was read.
    init(file: MappedFile, records: WrittenRecords) {
        self.file = file
        self.records = records
    }

    /// The file a save just wrote at `path`, mapped, when it is still the one written
    /// (`written`: `fstat` of it before it was closed): same inode, size and modification time.
    init?(writtenTo path: String, as written: stat?, records: WrittenRecords) {
        guard let written, let file = try? MappedFile(path: path, populate: false), file.isGuarded else { return nil }
        let now = file.info
        guard now.st_ino == written.st_ino, now.st_dev == written.st_dev, now.st_size == written.st_size,
              now.st_mtim.tv_sec == written.st_mtim.tv_sec, now.st_mtim.tv_nsec == written.st_mtim.tv_nsec else { return nil }
        self.init(file: file, records: records)
    }
}
