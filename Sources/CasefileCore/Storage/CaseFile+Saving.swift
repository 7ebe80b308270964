extension CaseFile {
    /// Writes the case canonically to `path`, atomically. The text is streamed to the
    /// temporary file a megabyte at a time, never held whole in memory.
    /// Refused as `AtomicFile.write` refuses (not a regular file, read-only, hard links
    /// unless `breakingLinks`).
    public func write(to path: String, breakingLinks: Bool = false) throws(StorageError) {
        try AtomicFile.write(to: path, breakingLinks: breakingLinks) { fd in
            var code: Int32 = 0
            _ = CaseWriter.write(self) { chunk in
                code = AtomicFile.writeAll(fd, chunk)
                return code == 0
            }
            return code
        }
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension CaseFile {
    /// Whether the file at `path` holds exactly the canonical text of this case (what
    /// `write(to:)` would write). Compared a megabyte at a time: neither text is held
    /// whole in memory. A file that cannot be read does not match.
    public func isWrittenCanonically(at path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var disk = [UInt8](repeating: 0, count: ByteOutput.chunk + 64 * 1024)
        let complete = CaseWriter.write(self) { chunk in
            var offset = 0
            while offset < chunk.count {
                let wanted = min(chunk.count - offset, disk.count)
                let got = disk.withUnsafeMutableBytes { read(fd, $0.baseAddress, wanted) }
                guard got > 0 else { return false }
                let same = disk.withUnsafeBytes { buffer in
                    guard let base = chunk.baseAddress, let copy = buffer.baseAddress else { return false }
                    return memcmp(base + offset, copy, got) == 0
                }
                guard same else { return false }
                offset += got
            }
            return true
        }
        guard complete else { return false }
        // Nothing may follow the canonical text.
        var extra: UInt8 = 0
        return read(fd, &extra, 1) == 0
    }
}
