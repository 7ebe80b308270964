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
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ":"))
        var value = value
        value.withUTF8 { bytes in
            var lineStart = 0
            var first = true
            var index = 0
            while true {
                let atEnd = index == bytes.count
                if atEnd || bytes[index] == newline {
                    let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<index])
                    if first {
                        if !line.isEmpty { out.append(0x20) }
                        first = false
                    } else {
                        out.append(UInt8(ascii: "+"))
                        if !line.isEmpty { out.append(0x20) }
                    }
                    out.append(contentsOf: line)
                    if line.last == backslash {
                        out.append(backslash)
                        out.append(newline)
                    }
                    out.append(newline)
                    if atEnd { break }
                    lineStart = index + 1
                }
                index += 1
            }
        }
    }

    /// Appends `#text` and a newline.
    static func appendComment(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "#"))
        out.append(contentsOf: text.utf8)
        out.append(newline)
    }
}
