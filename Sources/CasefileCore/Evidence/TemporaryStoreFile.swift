#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The file a copy into the store is written to before it gets its hash's name: unnamed
/// (`O_TMPFILE`, so a killed copy leaves nothing behind) where the file system allows,
/// else `.partial-PID-N` created with `O_EXCL`, removed on failure or by the next store
/// operation once its process is gone.
final class TemporaryStoreFile {
    /// The open descriptor, written to by the copy.
    let descriptor: Int32
    /// The temporary name, or nil for an unnamed file.
    let name: String?

    /// Whether it has been closed.
    private var isClosed = false

    /// The prefix of named temporaries.
    static let prefix = ".partial-"

    /// Creates the temporary file in `store`, private (0600) until it is sealed.
    init(in store: EvidenceStore) throws(EvidenceError) {
        // O_TMPFILE is __O_TMPFILE | O_DIRECTORY; Glibc does not export the macro to Swift.
        let unnamed = open(store.folder, O_WRONLY | O_CLOEXEC | O_DIRECTORY | 0o20000000, 0o600)
        if unnamed >= 0 {
            descriptor = unnamed
            name = nil
            return
        }
        var serial = 0
        while true {
            let candidate = store.folder + "/" + Self.prefix + "\(getpid())-\(serial)"
            let named = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if named >= 0 {
                descriptor = named
                name = candidate
                return
            }
            guard errno == EEXIST, serial < 1000 else {
                throw .cannotStore(store: store.folder, step: "create a temporary file", errno: errno)
            }
            serial += 1
        }
    }

    /// Makes the copy read-only and durable: chmod 0444, fsync; then lets its cached
    /// pages go (`WriteBehind.release`).
    func seal(store: String) throws(EvidenceError) {
        guard fchmod(descriptor, 0o444) == 0 else { throw .cannotStore(store: store, step: "chmod", errno: errno) }
        guard fsync(descriptor) == 0 else { throw .cannotStore(store: store, step: "fsync", errno: errno) }
        WriteBehind.release(descriptor)
    }

    /// Gives the copy its final name; never replaces an existing file (EEXIST then).
    /// Returns 0 or the errno.
    func link(to final: String) -> Int32 {
        if let name {
            return Glibc.link(name, final) == 0 ? 0 : errno
        }
        // An unnamed file gets a name through its /proc entry (AT_EMPTY_PATH needs privileges).
        let procPath = "/proc/self/fd/\(descriptor)"
        return linkat(AT_FDCWD, procPath, AT_FDCWD, final, AT_SYMLINK_FOLLOW) == 0 ? 0 : errno
    }

    /// Closes the file and removes its temporary name (once; later calls do nothing).
    func discard() {
        guard !isClosed else { return }
        isClosed = true
        close(descriptor)
        if let name { unlink(name) }
    }
}

extension EvidenceStore {
    /// Removes `.partial-PID-N` files whose process is gone: copies killed before their link.
    func removeStaleTemporaries() {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name.hasPrefix(TemporaryStoreFile.prefix),
                  let pid = Int32(name.dropFirst(TemporaryStoreFile.prefix.count).prefix(while: { $0 != "-" })),
                  pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder + "/" + name)
        }
    }
}
