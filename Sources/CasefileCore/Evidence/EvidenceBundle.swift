import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a bundle could not be written. The destination is left untouched.
public struct BundleError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var description: String
    /// What to do.
    public var hint: String
}

/// Writes a case, the evidence it refers to and a `SHA256SUMS` manifest into one ZIP,
/// laid out so that unpacking it gives `NAME.rec`, `NAME.evidence/HASH…` and `SHA256SUMS`:
/// `sha256sum -c SHA256SUMS` and `casefile verify NAME.rec` both check it there.
public enum EvidenceBundle {
    /// Bundles the case at `casePath` (as saved) with the files of `records` into `destination`.
    /// The ZIP is written under a temporary name beside it (private, 0600) and linked into
    /// place only when whole; an existing `destination` is never replaced.
    /// - Complexity: O(bytes of the case and its evidence).
    public static func write(casePath: String, records: [EvidenceRecord], to destination: String) throws(BundleError) {
        var info = stat()
        if lstat(destination, &info) == 0 {
            throw BundleError(description: "\(destination) exists already", hint: "choose another name, or remove it first")
        }
        let store = EvidenceStore(casePath: casePath)
        let caseName = casePath.split(separator: "/").last.map(String.init) ?? casePath
        let folder = AtomicFile.parentFolder(of: destination)
        let temporary = (folder == "." && !destination.hasPrefix("./") ? "" : folder + "/")
            + ".\(destination.split(separator: "/").last ?? "bundle").tmp-\(getpid())"
        unlink(temporary)
        let mask = umask(0o077)
        defer { umask(mask) }
        var written = false
        defer { if !written { unlink(temporary) } }
        do {
            let archive = try Archive(url: URL(fileURLWithPath: temporary), accessMode: .create)
            var sums: [String] = []
            let caseBytes = try Data(contentsOf: URL(fileURLWithPath: casePath))
            try add(caseBytes, as: caseName, to: archive, compressed: true)
            sums.append("\(SHA256Digest.sha256(caseBytes))  \(caseName)")
            var seen = Set<String>()
            for record in records where seen.insert(record.sha256).inserted {
                let entryPath = store.folderName + "/" + record.sha256
                let source = record.linkedPath.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
                    ?? store.path(of: record.sha256)
                try archive.addEntry(with: entryPath, fileURL: URL(fileURLWithPath: source), compressionMethod: .none,
                                     bufferSize: 1 << 20)
                sums.append("\(record.sha256)  \(entryPath)")
            }
            try add(Data((sums.joined(separator: "\n") + "\n").utf8), as: "SHA256SUMS", to: archive, compressed: false)
        } catch {
            throw BundleError(description: "cannot write the bundle \(destination): \(error.localizedDescription)",
                              hint: "check the space and permissions there; nothing was written")
        }
        let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
        guard link(temporary, destination) == 0 else {
            let code = errno
            throw BundleError(description: "cannot write the bundle \(destination): \(String(cString: strerror(code)))",
                              hint: code == EEXIST ? "it appeared while the bundle was written; choose another name" : "check the folder")
        }
        written = true
        unlink(temporary)
    }

    private static func add(_ data: Data, as path: String, to archive: Archive, compressed: Bool) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: compressed ? .deflate : .none) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
