/// A fast 64-bit FNV-1a hash of a file's bytes, to notice that a file changed on disk.
public enum ContentHash {
    /// Hashes `bytes`.
    public static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        // Eight bytes a step (read as little-endian words, so `ContentHasher` can agree on
        // any machine) keeps this near memory speed on large files.
        let words = bytes.count / 8
        if let base = bytes.baseAddress, words > 0 {
            let raw = UnsafeRawPointer(base)
            for index in 0..<words {
                hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))) &* 0x100_0000_01b3
            }
        }
        for index in (words * 8)..<bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
        }
        return hash ^ UInt64(bytes.count)
    }
}

/// `ContentHash` taken over bytes that arrive in pieces (a save streamed to its file):
/// the same value as `ContentHash.of` of the pieces joined, without joining them.
struct ContentHasher {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    /// Bytes of an unfinished eight-byte word, little-endian, and how many there are.
    private var pending: UInt64 = 0
    private var pendingCount = 0
    /// The number of bytes hashed so far.
    private(set) var count = 0

    /// Hashes `bytes` after those before.
    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        count += bytes.count
        var index = 0
        // Complete a word begun by the piece before.
        while pendingCount > 0 && pendingCount < 8 && index < bytes.count {
            pending |= UInt64(bytes[index]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            index += 1
        }
        if pendingCount == 8 {
            hash = (hash ^ pending) &* 0x100_0000_01b3
            pending = 0
            pendingCount = 0
        }
        let raw = UnsafeRawPointer(base)
        while bytes.count - index >= 8 {
            hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))) &* 0x100_0000_01b3
            index += 8
        }
        while index < bytes.count {
            pending |= UInt64(bytes[index]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            index += 1
        }
    }

    /// The hash of everything given.
    func finalize() -> UInt64 {
        var hash = self.hash
        // The last bytes, fewer than eight, go in one at a time as `ContentHash.of` does.
        for index in 0..<pendingCount {
            hash = (hash ^ ((pending >> (8 * UInt64(index))) & 0xFF)) &* 0x100_0000_01b3
        }
        return hash ^ UInt64(count)
    }
}
