import Crypto
import Foundation

/// SHA-256 of bytes and of files, as lower-case hex: the one way casefile hashes content
/// for others to check
/// (evidence, imported files, the session chain). `ContentHash` is the fast in-process
/// change detector, not for anyone else to verify.
public enum SHA256Digest {
    /// The SHA-256 of `bytes`, as 64 lower-case hex digits.
    public static func sha256<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The SHA-256 of everything readable from `descriptor` (from its current offset to the
    /// end), read in large blocks, with the number of bytes read.
    /// - Complexity: O(n) in the bytes read, constant memory.
    public static func sha256(descriptor: Int32) throws -> (hash: String, size: UInt64) {
        var hasher = SHA256()
        let blockSize = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { buffer.deallocate() }
        var total: UInt64 = 0
        while true {
            let count = read(descriptor, buffer.baseAddress, blockSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw SHA256ReadError(errno: errno)
            }
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            total += UInt64(count)
        }
        return (hex(hasher.finalize()), total)
    }

    /// The SHA-256 of `parts` joined by the byte `separator`, with no joined copy made.
    static func sha256(parts: [String], separator: UInt8) -> String {
        var hasher = SHA256()
        for (index, part) in parts.enumerated() {
            if index > 0 { withUnsafeBytes(of: separator) { hasher.update(bufferPointer: $0) } }
            var part = part
            part.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hex(hasher.finalize())
    }

    static func hex<D: Digest>(_ digest: D) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A read that failed while hashing.
public struct SHA256ReadError: Error, CustomStringConvertible {
    /// The `errno` of the failed read.
    public let errno: Int32
    /// What went wrong, in words.
    public var description: String { "could not read while hashing: " + String(cString: strerror(errno)) }
}
