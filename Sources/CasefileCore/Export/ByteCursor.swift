/// Writes bytes through a pointer, into room its user has made sure of beforehand (an
/// upper bound worked out first): for writers that put many small pieces together, where
/// an array's capacity check and call per piece would cost more than the copy.
struct ByteCursor {
    /// Where the next byte goes.
    private(set) var next: UnsafeMutablePointer<UInt8>

    /// A cursor at `start`.
    init(_ start: UnsafeMutablePointer<UInt8>) { next = start }

    /// Writes one byte.
    @inline(__always)
    mutating func put(_ byte: UInt8) {
        next.pointee = byte
        next += 1
    }

    /// Writes `bytes`.
    @inline(__always)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        next.update(from: base, count: bytes.count)
        next += bytes.count
    }

    /// Writes the bytes of a literal.
    @inline(__always)
    mutating func put(_ text: StaticString) {
        // Through `withUTF8Buffer`: a one-character literal may be held as a scalar, not bytes.
        text.withUTF8Buffer { put($0) }
    }

    /// Writes the UTF-8 bytes of `text`.
    @inline(__always)
    mutating func put(_ text: String) {
        var text = text
        text.withUTF8 { put($0) }
    }
}
