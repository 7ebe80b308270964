#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Files only their user may read or write: temporary files (the text handed to an
/// editor) and rescue drafts. They live in a per-user folder — `$XDG_RUNTIME_DIR`, else a
/// 0700 folder of our own under `$TMPDIR` — checked to be a real folder owned by us that
/// nobody else can enter, are created 0600 with `O_EXCL` under unpredictable names, and
/// are never read through a link or when someone else owns them.
public enum PrivateFiles {
    /// The per-user folder for temporary files, made (0700) and checked.
    public static func temporaryFolder(environment: [String: String]) throws(StorageError) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/"), (try? checkPrivate(runtime)) != nil {
            return try privateFolder(runtime + "/casefile")
        }
        var base = environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        return try privateFolder(base + "/casefile-\(geteuid())")
    }

    /// `folder`, made 0700 if missing (its parents too), then checked private: a folder,
    /// not a link, owned by us, with no access for group or others. One of ours with
    /// looser permissions is tightened; anyone else's is refused.
    @discardableResult
    public static func privateFolder(_ folder: String) throws(StorageError) -> String {
        var info = stat()
        if lstat(folder, &info) != 0 {
            let parent = AtomicFile.parentFolder(of: folder)
            if parent != folder, parent != "/", lstat(parent, &info) != 0 { try privateFolder(parent) }
            if mkdir(folder, 0o700) != 0 && errno != EEXIST {
                throw .cannotWrite(path: folder, step: "create a private folder", errno: errno)
            }
        }
        try checkPrivate(folder)
        return folder
    }

    /// Throws unless `folder` is a folder of ours that only we can use (tightening ours).
    static func checkPrivate(_ folder: String) throws(StorageError) {
        var info = stat()
        guard lstat(folder, &info) == 0 else { throw .cannotOpen(path: folder, errno: errno) }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .directory else { throw .notRegular(path: folder, kind: kind) }
        guard info.st_uid == geteuid() else { throw .cannotWrite(path: folder, step: "use a folder owned by another user", errno: EPERM) }
        if info.st_mode & 0o077 != 0, chmod(folder, 0o700) != 0 {
            throw .cannotWrite(path: folder, step: "make the folder private", errno: errno)
        }
    }

    /// Creates a new file in `folder` (0600, `O_EXCL`, a random name `PREFIX…SUFFIX`)
    /// holding `bytes`; returns its path.
    public static func createTemporary(in folder: String, prefix: String, suffix: String,
                                       bytes: [UInt8]) throws(StorageError) -> String {
        var template = Array((folder + "/" + prefix + "XXXXXXXXXX" + suffix).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemps(base, Int32(suffix.utf8.count))
        }
        guard fd >= 0 else { throw .cannotWrite(path: folder, step: "create a temporary file", errno: errno) }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fchmod(fd, 0o600)
        let code = bytes.withUnsafeBufferPointer { AtomicFile.writeAll(fd, $0) }
        close(fd)
        if code != 0 {
            unlink(path)
            throw .cannotWrite(path: path, step: "write", errno: code)
        }
        return path
    }

    /// Replaces the private file `path` with `bytes` (0600, atomically).
    public static func write(_ bytes: [UInt8], to path: String) throws(StorageError) {
        try privateFolder(AtomicFile.parentFolder(of: path))
        let temporary = try createTemporary(in: AtomicFile.parentFolder(of: path), prefix: ".draft-", suffix: "",
                                            bytes: bytes)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .cannotWrite(path: path, step: "rename", errno: code)
        }
    }

    /// The bytes of the private file `path`: nil when it is missing, a link, not a regular
    /// file, or not ours.
    public static func read(_ path: String) -> [UInt8]? {
        guard let file = try? SafeOpen.regularFile(path, followLinks: false), file.info.st_uid == geteuid() else {
            return nil
        }
        return try? SafeOpen.readAll(fd: file.fd, path: path)
    }
}
