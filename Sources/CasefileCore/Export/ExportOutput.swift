#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Writes exports to files: each file whole or not at all (`AtomicFile`), never through a
/// symbolic link planted at its name, never over a device, a FIFO or a folder.
public enum ExportOutput {
    /// Checks that `path` is absent or a regular file (not followed if a link).
    public static func checkFileTarget(_ path: String) throws(ExportError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFLNK: throw .refusedTarget(path: path, what: "it is a symbolic link")
        case S_IFDIR: throw .refusedTarget(path: path, what: "it is a folder")
        default: throw .refusedTarget(path: path, what: "it is not a regular file (a device, FIFO or socket)")
        }
    }

    /// Makes `path` a folder to write tables into: made when absent, refused when a link
    /// or anything but a folder.
    public static func prepareFolder(_ path: String) throws(ExportError) {
        var info = stat()
        if lstat(path, &info) != 0 {
            guard mkdir(path, 0o777) == 0 else { throw .cannotCreateFolder(path: path, errno: errno) }
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return
        case S_IFLNK: throw .refusedTarget(path: path, what: "it is a symbolic link")
        default: throw .refusedTarget(path: path, what: "it is a file, not a folder")
        }
    }

    /// Writes what `produce` appends to a stream to the file `path`; returns the byte count.
    @discardableResult
    public static func write(to path: String, _ produce: (ExportStream) -> Void) throws(ExportError) -> Int {
        try checkFileTarget(path)
        var count = 0
        do {
            try AtomicFile.write(to: path) { fd in
                let stream = ExportStream(fd: fd)
                produce(stream)
                count = stream.writtenCount + stream.bytes.count
                return stream.flush()
            }
        } catch {
            throw .cannotWrite(error)
        }
        return count
    }
}
