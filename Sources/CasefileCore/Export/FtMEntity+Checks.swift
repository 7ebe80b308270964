/// What FtM's types accept, checked on a value's bytes in the entity's store.
extension FtMEntity {
    /// Whether FtM's `type` accepts the value in `store[start...]`, and where it ends
    /// once made acceptable (a language tag as its ISO 639-3 code, a text cut to the
    /// type's length with an ellipsis); nil when it is not accepted.
    mutating func accept(_ start: Int, _ type: ValueType) -> Int? {
        let end = store.count
        guard end > start else { return nil }
        let verdict: Verdict = store.withUnsafeBufferPointer { store in
            let bytes = UnsafeBufferPointer(rebasing: store[start..<end])
            if Self.isBlank(bytes) { return .drop }
            switch type {
            case .date:
                return ISODate.isValid(utf8: bytes) ? .keep : .drop
            case .url:
                let fits = Self.scalarCount(bytes) <= type.maxLength
                return Self.hasWebScheme(bytes) && !Self.hasWhitespace(bytes) && fits ? .keep : .drop
            case .language:
                return Self.language(String(decoding: bytes, as: UTF8.self)).map(Verdict.language) ?? .drop
            default:
                return Self.cutPoint(bytes, keeping: type.maxLength).map(Verdict.cut) ?? .keep
            }
        }
        switch verdict {
        case .keep:
            return end
        case .drop:
            return nil
        case .language(let code):
            store.replaceSubrange(start..., with: code.utf8)
        case .cut(let offset):
            store.replaceSubrange((start + offset)..., with: "…".utf8)
        }
        return store.count
    }

    /// What becomes of a value added.
    private enum Verdict {
        case keep, drop
        /// Kept as this ISO 639-3 code.
        case language(String)
        /// Cut after this many bytes, an ellipsis after them.
        case cut(Int)
    }

    /// Where to cut `bytes` so that they hold `limit` - 1 scalars (and an ellipsis after
    /// them makes `limit`), or nil when they hold no more than `limit`.
    static func cutPoint(_ bytes: UnsafeBufferPointer<UInt8>, keeping limit: Int) -> Int? {
        guard bytes.count > limit else { return nil }
        var scalars = 0
        var cut = 0
        for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if scalars == limit - 1 { cut = index }
            scalars += 1
            if scalars > limit { return cut }
        }
        return nil
    }

    /// The number of scalars in the UTF-8 `bytes`.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }

    /// Whether `bytes` begin with `http://`, `https://` or `ftp://`, in any case.
    static func hasWebScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func starts(with scheme: String.UTF8View) -> Bool {
            bytes.count >= scheme.count && zip(bytes, scheme).allSatisfy { pair in
                (pair.0 >= 0x41 && pair.0 <= 0x5A ? pair.0 | 0x20 : pair.0) == pair.1
            }
        }
        return starts(with: "http://".utf8) || starts(with: "https://".utf8) || starts(with: "ftp://".utf8)
    }

    /// Whether some character of `bytes` is white space; on the bytes when they are ASCII.
    static func hasWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return String(decoding: bytes, as: UTF8.self).contains(where: \.isWhitespace) }
        return bytes.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
    }

    /// Whether `bytes` hold nothing but white space (as `Character.isWhitespace` says).
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // A character is white space when its first scalar is: a first byte that is ASCII
        // and not white space settles it without walking the text's characters.
        guard let first = bytes.first else { return true }
        if first < 0x80, first != 0x20, !(0x09...0x0D).contains(first) { return false }
        // Nor does a first scalar that is not white space (Cyrillic, say): only a text that
        // begins with white space is decoded and walked.
        let (value, _) = UTF8Decoding.decode(bytes, at: 0)
        if !isWhiteSpace(value) { return false }
        return String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace)
    }

    /// Whether the scalar `value` has Unicode's White_Space property (what
    /// `Unicode.Scalar.Properties.isWhitespace` says, without its table lookup): the list
    /// has not changed since Unicode 6.3 took U+180E out of it.
    static func isWhiteSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
