/// Reads an article quoting posts.
enum ArticleReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, into batch: inout ImportBatch, title: String?) {
        batch.problems.append(Diagnostic(file: batch.file, line: 0, message: "article import is not written yet"))
    }
}
