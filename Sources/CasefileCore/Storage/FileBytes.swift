/// Whole-file reads for small jobs (comparisons); loading goes through the mapped reader.
public enum FileBytes {
    /// The bytes of `path`.
    public static func read(_ path: String) throws(StorageError) -> [UInt8] {
        let file = try MappedFile(path: path)
        return withExtendedLifetime(file) { Array(file.bytes) }
    }
}
