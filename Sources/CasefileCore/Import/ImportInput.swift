import Foundation

/// Why an import cannot read its file at all (as opposed to a bad record in it).
public struct ImportFileError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming the file.
    public var description: String
    /// What to do.
    public var hint: String?
}

/// Reads one file (or an X archive folder) and parses it into a batch.
public enum ImportInput {
    /// Why `path` cannot be imported at all, or nil: missing or unreadable, a symbolic link
    /// (not followed: the file itself is named, as `attach` does), a FIFO, a device or a
    /// socket. `casefile import` asks first, to exit 2 (a file that cannot be read).
    public static func problem(at path: String) -> ImportFileError? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return ImportFileError(description: "cannot read \(path): \(String(cString: strerror(errno)))",
                                   hint: errno == ENOENT ? "check the path (a relative path is from the folder casefile runs in)" : nil)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFLNK:
            let target = EvidenceFile.linkTarget(path)
            return ImportFileError(description: "\(path) is a symbolic link (to \(target)); import does not follow links",
                                   hint: "import the file itself: \(target)")
        case let type:
            return ImportFileError(description: "\(path) is not a regular file but \(EvidenceFile.describe(type))",
                                   hint: "import reads files, not devices or pipes")
        }
    }

    /// The batch read from `path` as `format` (`nil`: detect it). `name` is the file as the
    /// user wrote it, used in messages.
    static func read(path: String, format: ImportFormat?, title: String?) throws(ImportFileError) -> ImportBatch {
        if let problem = problem(at: path) { throw problem }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw ImportFileError(description: "cannot read \(path): \(String(cString: strerror(errno)))", hint: nil)
        }
        let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
        if isFolder {
            guard format == nil || format == .xArchive else {
                throw ImportFileError(description: "\(path) is a folder", hint: "only an X archive is imported as a folder (x-archive)")
            }
            return try XArchiveReader.readFolder(path)
        }
        let file: MappedFile
        // Not following links here too: a link put in the file's place since it was looked at.
        do { file = try MappedFile(path: path, followLinks: false) } catch {
            throw ImportFileError(description: error.description, hint: nil)
        }
        return try withExtendedLifetime(file) { () throws(ImportFileError) -> ImportBatch in
            let bytes = file.bytes
            let head = Array(bytes.prefix(4096))
            guard let chosen = format ?? ImportFormat.detect(path: path, isFolder: false, head: head) else {
                throw ImportFileError(description: "\(path): cannot tell which format this is",
                                      hint: "name it: import " + ImportFormat.allCases.map(\.rawValue).joined(separator: "|") + " FILE")
            }
            let name = (path as NSString).lastPathComponent
            if chosen == .xArchive {
                guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
                    throw ImportFileError(description: "\(path) is not a zip archive",
                                          hint: "give the X archive's zip or the folder it unpacks to")
                }
                return try XArchiveReader.readZip(path, sha256: SHA256Digest.sha256(bytes))
            }
            // The hash and the reading share nothing but the bytes they read: the hash on a
            // thread of its own costs no time of its own, and the reading, on this thread,
            // still splits its work over every core (a split nested in `Parallel.both` would
            // run on one).
            let (read, sha) = Parallel.beside({ () -> ImportBatch in
                var batch = ImportBatch(file: path, format: chosen, sha256: "", title: title ?? name)
                switch chosen {
                case .twarc: TwarcReader.read(bytes, into: &batch)
                case .telegram: TelegramReader.read(bytes, into: &batch)
                case .article: ArticleReader.read(bytes, into: &batch, title: title)
                case .tmx: TMXReader.read(bytes, into: &batch)
                case .xliff: XLIFFReader.read(bytes, into: &batch)
                case .xArchive: break
                }
                return batch
            }, { SHA256Digest.sha256(bytes) })
            var batch = read
            batch.sha256 = sha
            return batch
        }
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
