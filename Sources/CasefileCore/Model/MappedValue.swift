/// A value kept as a range of a mapped case file, decoded when it is read.
///
/// A million-entry case holds millions of values; making a heap `String` of each one at
/// load time was a fifth of the load and most of its memory. The loader validates the
/// bytes once (UTF-8, structure), so decoding cannot fail. A multi-line value is the range
/// from its first byte to the end of its last `+` continuation line, decoded by dropping
/// each `+` (and the one space after it) that starts a line, as the scanner reads it.
struct MappedValue: Sendable {
    /// The mapping the bytes are in (kept alive by every value that points into it).
    let file: MappedFile
    /// The offset (40 bits), the length (23 bits) and whether the range holds continuation lines.
    private let packed: UInt64

    /// The longest value kept as a range (longer ones are owned strings).
    static let maxCount = (1 << 23) - 1
    private static let maxOffset = 1 << 40

    /// A range of `count` bytes at `offset` of `file`, or nil when it is out of bounds or
    /// too long to pack.
    init?(file: MappedFile, offset: Int, count: Int, multiline: Bool = false) {
        guard offset >= 0, count >= 0, count <= Self.maxCount, offset < Self.maxOffset,
              offset + count <= file.bytes.count else { return nil }
        self.file = file
        packed = UInt64(offset) << 24 | UInt64(count) << 1 | (multiline ? 1 : 0)
    }

    /// The first byte's offset in the file.
    var offset: Int { Int(packed >> 24) }
    /// The number of bytes the range spans (continuation markers included).
    var count: Int { Int((packed >> 1) & UInt64(Self.maxCount)) }
    /// Whether the range holds continuation lines.
    var isMultiline: Bool { packed & 1 != 0 }
    /// The offset just past the last byte.
    var end: Int { offset + count }

    /// The same value with one more continuation line, up to `end`.
    func extended(to end: Int) -> MappedValue? {
        MappedValue(file: file, offset: offset, count: end - offset, multiline: true)
    }

    /// Whether both are the same bytes of the same mapping.
    func isSameRange(as other: MappedValue) -> Bool { file === other.file && packed == other.packed }

    /// The bytes, when they are the value itself (one line).
    var singleLineBytes: UnsafeBufferPointer<UInt8>? {
        guard !isMultiline else { return nil }
        return UnsafeBufferPointer(rebasing: file.bytes[offset..<end])
    }

    /// The value as a string.
    var string: String {
        guard isMultiline else { return String(decoding: UnsafeBufferPointer(rebasing: file.bytes[offset..<end]), as: UTF8.self) }
        var joined: [UInt8] = []
        joined.reserveCapacity(count)
        append(to: &joined)
        return String(decoding: joined, as: UTF8.self)
    }

    /// Appends the value's bytes to `bytes`: the range itself for one line; for several,
    /// without the `+` (and the one space after it) that starts each continuation line,
    /// as the scanner reads them.
    func append(to bytes: inout [UInt8]) {
        let raw = UnsafeBufferPointer(rebasing: file.bytes[offset..<end])
        guard isMultiline else {
            bytes.append(contentsOf: raw)
            return
        }
        var start = 0
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            index += 1
            guard byte == 0x0A else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: raw[start..<index]))
            if index < raw.count && raw[index] == UInt8(ascii: "+") { index += 1 }
            if index < raw.count && raw[index] == 0x20 { index += 1 }
            start = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: raw[start..<raw.count]))
    }
}
