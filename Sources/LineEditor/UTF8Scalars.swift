/// Decoding typed bytes into Unicode scalars one at a time, as libedit asks for them.
enum UTF8Scalars {
    /// The replacement for bytes that are not valid UTF-8.
    static let replacement: UInt32 = 0xFFFD

    /// Decodes the scalar starting at `bytes[start]`: its value and how many bytes it took,
    /// or nil when the bytes so far are a valid but incomplete sequence and more may come.
    /// When `atEnd` is true no more bytes will come, so an incomplete sequence decodes as
    /// U+FFFD. An invalid byte decodes as U+FFFD and takes one byte, so decoding never stalls.
    static func decode(_ bytes: ArraySlice<UInt8>, atEnd: Bool) -> (scalar: UInt32, length: Int)? {
        guard let lead = bytes.first else { return nil }
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00...0x7F: return (UInt32(lead), 1)
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return (replacement, 1)
        }
        var index = bytes.startIndex + 1
        for position in 1..<length {
            guard index < bytes.endIndex else { return atEnd ? (replacement, position) : nil }
            let byte = bytes[index]
            // The second byte's range excludes overlong forms and surrogates.
            let low: UInt8, high: UInt8
            switch (position, lead) {
            case (1, 0xE0): (low, high) = (0xA0, 0xBF)
            case (1, 0xED): (low, high) = (0x80, 0x9F)
            case (1, 0xF0): (low, high) = (0x90, 0xBF)
            case (1, 0xF4): (low, high) = (0x80, 0x8F)
            default: (low, high) = (0x80, 0xBF)
            }
            guard byte >= low, byte <= high else { return (replacement, position) }
            value = value << 6 | UInt32(byte & 0x3F)
            index += 1
        }
        return (value, length)
    }
}
