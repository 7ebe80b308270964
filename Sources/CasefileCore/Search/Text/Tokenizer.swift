/// One token of a field value: a byte range, its namespace and its word position.
struct Token: Sendable, Equatable {
    /// Byte offset of the token's first byte (the sigil, for a hashtag or mention).
    var start: Int32
    /// Byte offset just past the token.
    var end: Int32
    /// The word position; a hashtag shares the position of its first word.
    var position: Int32
    /// `.word`, `.hashtag` or `.mention`.
    var namespace: Namespace

    /// Where the term's text starts (after the sigil of a hashtag or mention).
    var bodyStart: Int32 { namespace == .hashtag || namespace == .mention ? start + 1 : start }
}

/// Splits UTF-8 text into words, hashtags and mentions, working on bytes.
///
/// A word is a run of letters, digits and combining marks; anything else separates,
/// except an apostrophe between two letters, which stays in the word ("Il'in" is Ильин's
/// romanisation, "#Есимов‘а" a declined hashtag, "Esimov's" a possessive); the term
/// drops it. `#` or `@`
/// before a word, not inside one, starts a hashtag or mention whose body may contain
/// `_`; the body's words are tokens as well, so `#ЕсимовЖГИ` is found by its word.
/// Soft hyphens and zero-width characters do not break a word (they are a known way to
/// dodge filters) and are dropped from its normal form.
enum Tokenizer {
    /// Appends the tokens of `bytes` to `tokens`, numbering words from `position`.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, position: inout Int32, into tokens: inout [Token]) {
        let count = bytes.count
        var index = 0
        var previousIsWord = false
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if isASCIIWord(byte) {
                    index = word(bytes, from: index, position: &position, into: &tokens)
                    previousIsWord = true
                    continue
                }
                if (byte == 0x23 || byte == 0x40) && !previousIsWord, index + 1 < count {
                    let (next, _) = UTF8Decoding.decode(bytes, at: index + 1)
                    if isWord(next) {
                        index = tag(bytes, from: index, position: &position, into: &tokens)
                        previousIsWord = true
                        continue
                    }
                }
                previousIsWord = byte == 0x5F
                index += 1
                continue
            }
            let (scalar, width) = UTF8Decoding.decode(bytes, at: index)
            if isWord(scalar) {
                index = word(bytes, from: index, position: &position, into: &tokens)
                previousIsWord = true
            } else {
                previousIsWord = false
                index += width
            }
        }
    }

    /// Scans one word starting at `start`; returns the index after it.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, position: inout Int32,
                             into tokens: inout [Token]) -> Int {
        let end = wordEnd(bytes, from: start, allowUnderscore: false)
        tokens.append(Token(start: Int32(start), end: Int32(end), position: position, namespace: .word))
        position += 1
        return end
    }

    /// Scans a hashtag or mention whose sigil is at `start`: the tag token, then its words.
    private static func tag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, position: inout Int32,
                            into tokens: inout [Token]) -> Int {
        let end = wordEnd(bytes, from: start + 1, allowUnderscore: true)
        let namespace: Namespace = bytes[start] == 0x23 ? .hashtag : .mention
        tokens.append(Token(start: Int32(start), end: Int32(end), position: position, namespace: namespace))
        var index = start + 1
        while index < end {
            if bytes[index] == 0x5F { index += 1; continue }
            let (scalar, width) = UTF8Decoding.decode(bytes, at: index)
            if isWord(scalar) {
                let wordEnd = wordEnd(bytes, from: index, allowUnderscore: false)
                tokens.append(Token(start: Int32(index), end: Int32(wordEnd), position: position, namespace: .word))
                position += 1
                index = wordEnd
            } else {
                index += width
            }
        }
        return end
    }

    private static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, allowUnderscore: Bool) -> Int {
        var index = start
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if isASCIIWord(byte) || (allowUnderscore && byte == 0x5F) { index += 1; continue }
                if byte == 0x27 || byte == 0x60 {
                    // A run of them (GOST 7.79-B writes ъ as '' or ``) joins letters too.
                    var next = index + 1
                    while next < count && (bytes[next] == 0x27 || bytes[next] == 0x60) && next - index < 3 { next += 1 }
                    if next < count, isWord(UTF8Decoding.decode(bytes, at: next).0) {
                        index = next
                        continue
                    }
                }
                return index
            }
            // Cyrillic letters (U+0400–U+04FF, two bytes led by D0–D3) are the usual case.
            if byte >= 0xD0 && byte <= 0xD3 && index + 1 < count && !(byte == 0xD2 && bytes[index + 1] == 0x82) {
                index += 2
                continue
            }
            let (scalar, width) = UTF8Decoding.decode(bytes, at: index)
            if isWord(scalar) || isIgnorable(scalar) {
                index += width
            } else if isApostrophe(scalar), index + width < count,
                      isWord(UTF8Decoding.decode(bytes, at: index + width).0) {
                index += width
            } else {
                return index
            }
        }
        return index
    }

    /// Apostrophes, which join the letters around them (and are then dropped).
    @inline(__always)
    static func isApostrophe(_ s: UInt32) -> Bool {
        // The grave accent is GOST 7.79's mark for ъ, ы and э (e`tix, Oly`).
        s == 0x27 || s == 0x2019 || s == 0x2018 || s == 0x2BC || s == 0x60
    }

    @inline(__always)
    static func isASCIIWord(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Characters that may sit inside a word without splitting it, and are then removed.
    @inline(__always)
    static func isIgnorable(_ s: UInt32) -> Bool {
        // U+00B7: BGN/PCGN's separator inside a romanised word (Tash·chishma).
        s == 0xAD || s == 0xB7 || (s >= 0x200B && s <= 0x200D) || s == 0x2060 || s == 0xFEFF
    }

    /// Whether `s` belongs to a word: a letter, digit or combining mark.
    @inline(__always)
    static func isWord(_ s: UInt32) -> Bool {
        if s < 0x80 { return isASCIIWord(UInt8(s)) }
        if s >= 0x400 && s <= 0x52F { return s != 0x482 }
        if s >= 0xC0 && s <= 0x24F { return s != 0xD7 && s != 0xF7 }
        if s >= 0x300 && s <= 0x36F { return true }
        if s < 0xC0 { return s == 0xAA || s == 0xB5 || s == 0xBA }
        return isWordSlow(s)
    }

    private static func isWordSlow(_ s: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(s) else { return false }
        if s == 0x2BB || s == 0x2BC || s == 0x2BD { return false }  // modifier apostrophes
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
