/// Reads Telegram Desktop's JSON export.
enum TelegramReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, into batch: inout ImportBatch) {
        batch.problems.append(Diagnostic(file: batch.file, line: 0, message: "Telegram import is not written yet"))
    }
}
