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

    /// Whether `bytes` are valid UTF-8, without making a `String` (values kept as ranges
    /// of the mapped file are checked so). Agrees with `validString` (a property test
    /// compares): overlong forms, surrogates and code points past U+10FFFF are invalid.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            // Eight ASCII bytes at a time: most values are mostly ASCII.
            while index + 8 <= count, base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let width: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: width = 2
            case 0xE0: width = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: width = 3
            case 0xED: width = 3; high = 0x9F
            case 0xF0: width = 4; low = 0x90
            case 0xF1...0xF3: width = 4
            case 0xF4: width = 4; high = 0x8F
            default: return false
            }
            guard index + width <= count else { return false }
            let second = bytes[index + 1]
            guard second >= low && second <= high else { return false }
            var next = index + 2
            while next < index + width {
                guard bytes[next] & 0xC0 == 0x80 else { return false }
                next += 1
            }
            index += width
        }
        return true
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
