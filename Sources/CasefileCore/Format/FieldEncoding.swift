#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Writes values so that recutils reads back exactly what was stored.
///
/// - Exactly one space follows the colon, so leading spaces and tabs survive.
/// - Each further line becomes a `+ ` continuation line (`+` alone for an empty line).
/// - A line ending in a backslash would join the next line, so it gets one more
///   backslash and the join takes an empty line: recutils and this reader both give
///   back the single backslash.
enum FieldEncoding {
    static let newline: UInt8 = 0x0A
    static let backslash: UInt8 = 0x5C

    /// Appends `Name: value` (and its continuation lines) and a newline to `out`.
    static func append(name: String, value: String, to out: inout [UInt8]) {
        appendBytes(of: name, to: &out)
        out.append(UInt8(ascii: ":"))
        // Native strings lend their bytes without a copy (the writer runs this for every field).
        if value.utf8.withContiguousStorageIfAvailable({ appendValue($0, to: &out) }) != nil { return }
        var value = value
        value.withUTF8 { appendValue($0, to: &out) }
    }

    /// Appends `field` as `Name: value` lines; a value that is one line of the mapped
    /// case file is copied from it without becoming a `String`.
    static func append(_ field: Field, to out: inout [UInt8]) {
        appendBytes(of: field.name, to: &out)
        out.append(UInt8(ascii: ":"))
        field.withValueBytes { appendValue($0, to: &out) }
    }

    /// Appends the UTF-8 bytes of `text`.
    static func appendBytes(of text: String, to out: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil {
            out.append(contentsOf: text.utf8)
        }
    }

    /// Appends ` value` (continuation lines for each further line) and a newline.
    private static func appendValue(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            out.append(newline)
            return
        }
        var lineStart = 0
        var first = true
        while true {
            // memchr finds the line ends; most values have none.
            var lineEnd = bytes.count
            if let found = memchr(base + lineStart, Int32(newline), bytes.count - lineStart) {
                lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            if first {
                first = false
            } else {
                out.append(UInt8(ascii: "+"))
            }
            if lineEnd > lineStart {
                out.append(0x20)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
                if bytes[lineEnd - 1] == backslash {
                    // recutils would join the next line: add a backslash and an empty line to join.
                    out.append(backslash)
                    out.append(newline)
                }
            }
            out.append(newline)
            if lineEnd == bytes.count { break }
            lineStart = lineEnd + 1
        }
    }

    /// Appends `#text` and a newline.
    static func appendComment(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "#"))
        appendBytes(of: text, to: &out)
        out.append(newline)
    }
}
