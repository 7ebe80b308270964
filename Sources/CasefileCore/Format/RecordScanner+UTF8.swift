#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Values become Strings here, once each, and invalid UTF-8 is reported at its line and
/// (character) column.
extension RecordScanner {
    mutating func makeString(_ start: Int, _ stop: Int, line: Int, column: Int) -> String? {
        makeString(bytes, start, stop, line: line, column: column)
    }

    mutating func makeString(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int, line: Int,
                                     column: Int) -> String? {
        let slice = UnsafeBufferPointer(rebasing: buffer[start..<stop])
        if let text = Self.validString(slice) { return text }
        // Find the first invalid byte to say where it is.
        var valid = start
        var probe = start
        while probe < stop {
            let width = utf8Width(buffer, probe, stop)
            if width == 0 { break }
            probe += width
            valid = probe
        }
        let prefixColumn = characterColumn(buffer, start, valid) + column - 1
        let byte = valid < stop ? buffer[valid] : 0
        report(line, prefixColumn, "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))",
               hint: "re-encode the file as UTF-8 (iconv -t UTF-8)")
        return nil
    }

    /// The string of `bytes` if they are valid UTF-8. `String(validating:as:)` is generic
    /// and unspecialised (it looks up type metadata on every call: a tenth of the load time);
    /// decoding, which repairs, and checking nothing was repaired costs one memcmp instead.
    static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        let unchanged = text.withUTF8 { decoded in
            decoded.count == bytes.count
                && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        return unchanged ? text : nil
    }

    func utf8Width(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int, _ stop: Int) -> Int {
        let byte = buffer[index]
        let width: Int
        switch byte {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: width = 2
        case 0xE0...0xEF: width = 3
        case 0xF0...0xF4: width = 4
        default: return 0
        }
        guard index + width <= stop else { return 0 }
        let slice = UnsafeBufferPointer(rebasing: buffer[index..<(index + width)])
        return Self.validString(slice) == nil ? 0 : width
    }

    /// The 1-based character column of byte `index` in a line starting at `start`.
    func characterColumn(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ index: Int) -> Int {
        var column = 1
        var position = start
        while position < index {
            if buffer[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return column
    }
}
