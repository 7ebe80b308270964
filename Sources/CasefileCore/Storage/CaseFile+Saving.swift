extension CaseFile {
    /// Writes the case canonically to `path`, atomically.
    public func write(to path: String) throws(StorageError) {
        try AtomicFile.write(CaseWriter.bytes(of: self), to: path)
    }
}
