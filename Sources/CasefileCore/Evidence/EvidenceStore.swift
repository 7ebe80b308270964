#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The case's evidence store, `NAME.evidence/` beside `NAME.rec`: captured files named by
/// their SHA-256, written once (never overwritten), read-only. It only grows: detaching
/// evidence leaves its file here; `casefile gc` prunes files nothing refers to.
public struct EvidenceStore: Sendable {
    /// The store's folder.
    public let folder: String

    /// The store at `folder`.
    public init(folder: String) {
        self.folder = folder
    }

    /// The store beside the case file `casePath` (`dossier.rec` → `dossier.evidence`).
    public init(casePath: String) {
        folder = Self.folder(forCase: casePath)
    }

    /// The store's folder for the case file `casePath`: the name without `.rec`, then `.evidence`.
    public static func folder(forCase casePath: String) -> String {
        var base = casePath
        if base.hasSuffix(".rec") { base.removeLast(4) }
        return base + ".evidence"
    }

    /// Where the file with SHA-256 `hash` is kept.
    public func path(of hash: String) -> String { folder + "/" + hash }

    /// The store folder's name as the bundle and `SHA256SUMS` write it (`dossier.evidence`).
    public var folderName: String { folder.split(separator: "/").last.map(String.init) ?? folder }

    /// Whether `text` is a SHA-256 as casefile writes it: 64 lower-case hex digits.
    public static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// The names of the files in the store that are named by a hash, in byte order; none
    /// when there is no store yet.
    /// - Complexity: O(n log n) in the files in the store.
    public func storedHashes() -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if Self.isHash(name) { names.append(name) }
        }
        return names.sorted()
    }

    /// Makes the store's folder (private, 0700) when it does not exist yet; refuses a
    /// symbolic link or a file in its place.
    func prepareFolder() throws(EvidenceError) {
        var info = stat()
        if lstat(folder, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .storeNotFolder(store: folder) }
            return
        }
        guard errno == ENOENT else { throw .cannotStore(store: folder, step: "look at the folder", errno: errno) }
        guard mkdir(folder, 0o700) == 0 || errno == EEXIST else {
            throw .cannotStore(store: folder, step: "create the folder", errno: errno)
        }
        try prepareFolder()
    }

    /// Flushes the folder's entries to disk, so a file linked into it survives a crash.
    public func syncFolder() {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
