/// Reads the X account archive.
enum XArchiveReader {
    static func readFolder(_ path: String) throws(ImportFileError) -> ImportBatch {
        throw ImportFileError(description: "X archive import is not written yet", hint: nil)
    }
    static func readZip(_ path: String, sha256: String) throws(ImportFileError) -> ImportBatch {
        throw ImportFileError(description: "X archive import is not written yet", hint: nil)
    }
}
