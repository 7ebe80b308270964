#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered writes to standard error.
struct FileHandleOutput {
    let fd: Int32
    static let standardError = FileHandleOutput(fd: 2)

    func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let result = Glibc.write(fd, base + offset, buffer.count - offset)
                if result <= 0 { break }
                offset += result
            }
        }
    }
}
