/// Whole-file reads for small jobs (comparisons, scripts); loading goes through the mapped reader.
public enum FileBytes {
    /// The bytes of `path`: a regular file, or a stream handed over as `-`, `/dev/stdin`
    /// or `/dev/fd/N` (read to its end). A FIFO, device or socket on disk is refused.
    /// `followLinks: false` refuses a symbolic link at `path` (files beside the case).
    public static func read(_ path: String, followLinks: Bool = true) throws(StorageError) -> [UInt8] {
        if followLinks, SafeOpen.handedDescriptor(path) != nil { return try SafeOpen.readWhole(path).bytes }
        let file = try MappedFile(path: path, followLinks: followLinks)
        return withExtendedLifetime(file) { Array(file.bytes) }
    }
}
