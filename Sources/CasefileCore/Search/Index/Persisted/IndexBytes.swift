/// Little-endian bytes for the saved search index: appended by `IndexBytesWriter`, read
/// back by `IndexBytesReader`, which checks every length against what is left, so a
/// damaged or hostile file is refused with a reason and never read out of bounds.
struct IndexBytesWriter {
    private(set) var bytes: [UInt8] = []

    /// A writer with room for about `capacity` bytes.
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i32(_ value: Int32) { u32(UInt32(bitPattern: value)) }

    /// A length-prefixed byte string.
    mutating func data(_ value: UnsafeBufferPointer<UInt8>) {
        u32(UInt32(value.count))
        bytes.append(contentsOf: value)
    }

    /// A length-prefixed UTF-8 string.
    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { data($0) }
    }

    /// Arrays of fixed-width integers, written as they lie in memory (little-endian hosts).
    mutating func array<T: FixedWidthInteger>(_ values: [T]) {
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// Overwrites 8 bytes at `offset` (a header field filled in last).
    mutating func patch(_ value: UInt64, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<(offset + 8), with: $0) }
    }
}

/// Why a saved index was not used.
struct IndexDamage: Error, Equatable {
    /// What did not fit.
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// Reads what `IndexBytesWriter` wrote, refusing anything that runs past the end.
struct IndexBytesReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, at offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// The bytes not read yet.
    var remaining: Int { bytes.count - offset }

    private mutating func take(_ count: Int, _ what: String) throws(IndexDamage) -> Int {
        guard count >= 0, count <= remaining else { throw IndexDamage("\(what) runs past the end at byte \(offset)") }
        defer { offset += count }
        return offset
    }

    mutating func u8(_ what: String) throws(IndexDamage) -> UInt8 { bytes[try take(1, what)] }
    mutating func u32(_ what: String) throws(IndexDamage) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(4, what), as: UInt32.self))
    }
    mutating func u64(_ what: String) throws(IndexDamage) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(8, what), as: UInt64.self))
    }

    /// A count that must be at most `limit` (so nothing is allocated for a forged size).
    mutating func count(_ what: String, limit: Int) throws(IndexDamage) -> Int {
        let value = try u64(what)
        guard value <= UInt64(max(0, limit)) else { throw IndexDamage("\(what) \(value) is more than the file can hold") }
        return Int(value)
    }

    /// A length-prefixed byte string, as a slice of the file.
    mutating func data(_ what: String) throws(IndexDamage) -> UnsafeRawBufferPointer {
        let count = Int(try u32(what))
        let start = try take(count, what)
        return UnsafeRawBufferPointer(rebasing: bytes[start..<(start + count)])
    }

    /// A length-prefixed string that must be valid UTF-8.
    mutating func string(_ what: String) throws(IndexDamage) -> String {
        let raw = try data(what)
        guard let text = String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) else {
            throw IndexDamage("\(what) is not UTF-8")
        }
        return text
    }

    /// `count` fixed-width integers, copied as they lie (the format is little-endian, as
    /// every host casefile runs on).
    mutating func array<T: FixedWidthInteger>(_ count: Int, of type: T.Type, _ what: String) throws(IndexDamage) -> [T] {
        let size = MemoryLayout<T>.size
        guard count <= remaining / size else { throw IndexDamage("\(what) runs past the end at byte \(offset)") }
        let start = try take(count * size, what)
        return [T](unsafeUninitializedCapacity: count) { buffer, made in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + count * size)]))
            made = count
        }
    }
}

/// A fast 64-bit checksum of the index's payload (not cryptographic: it catches damage; the
/// case's own SHA-256 in the header is what ties the index to the case).
enum IndexChecksum {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0xC4CE_B9FE_1A85_EC53
            offset += 1
        }
        return hash ^ (hash >> 32)
    }
}
