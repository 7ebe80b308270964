extension CaseFile {
    /// Writes the case canonically to `path`, atomically. The text is streamed to the
    /// temporary file a megabyte at a time, never held whole in memory.
    public func write(to path: String) throws(StorageError) {
        try AtomicFile.write(to: path) { fd in
            var code: Int32 = 0
            _ = CaseWriter.write(self) { chunk in
                code = AtomicFile.writeAll(fd, chunk)
                return code == 0
            }
            return code
        }
    }
}
