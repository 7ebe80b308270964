/// A fast hash of short byte strings (tokens, Ids), eight bytes at a time, that also
/// returns the first sixteen bytes packed into two words, so that a table can compare a
/// short token without going back to its bytes.
///
/// Not for anything adversarial: a hostile file can at worst make its own load slower,
/// since the tables it feeds probe linearly and never fail.
enum ByteHash {
    /// A token's hash (never 0, so that 0 can mark an empty slot) and its first bytes.
    struct Key: Sendable {
        var hash: UInt64
        var word0: UInt64
        var word1: UInt64
    }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word).multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
        return product.high ^ product.low
    }

    /// The key of `bytes[start..<end]`, salted by `salt` (a namespace, a table's purpose).
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, salt: UInt64 = 0) -> Key {
        let count = end - start
        guard count > 0, let base = bytes.baseAddress else {
            return Key(hash: mix(0x243F_6A88_85A3_08D3 ^ salt, 0) | 1, word0: 0, word1: 0)
        }
        let raw = UnsafeRawPointer(base + start)
        var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ (salt &* 0xA076_1D64_78BD_642F) ^ UInt64(count)
        var word0: UInt64 = 0
        var word1: UInt64 = 0
        var offset = 0
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if offset == 0 { word0 = word } else if offset == 8 { word1 = word }
            hash = mix(hash, word)
            offset += 8
        }
        if offset < count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            let tailStart = offset
            while offset < count {
                word |= UInt64(raw.load(fromByteOffset: offset, as: UInt8.self)) << shift
                shift += 8
                offset += 1
            }
            if tailStart == 0 { word0 = word } else if tailStart == 8 { word1 = word }
            hash = mix(hash, word ^ 0xE703_7ED1_A0B4_28DB)
        }
        return Key(hash: mix(hash, 0x8EBC_6AF0_9C88_C6E3) | 1, word0: word0, word1: word1)
    }

    /// The key of a string's UTF-8 bytes.
    static func key(_ text: String, salt: UInt64 = 0) -> Key {
        var text = text
        return text.withUTF8 { key($0, 0, $0.count, salt: salt) }
    }
}
