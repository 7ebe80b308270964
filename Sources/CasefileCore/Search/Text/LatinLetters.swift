/// Latin letters with diacritics, read the way transliterations of Russian and Kazakh
/// use them: `š` is "sh" (ISO 9, scholarly), `ş` is "sh" and `ñ` is ң (Kazakh Latin
/// 2021), `ë` is ё. Plain accents fold away. Letters missing here go through ICU.
enum LatinLetters {
    /// The lower-case ASCII reading of a lower-case Latin letter with a diacritic.
    static func ascii(_ s: UInt32) -> String? {
        switch s {
        case 0x161, 0x15F, 0x219, 0x15B: return "sh"  // š ş ș ś
        case 0x15D: return "shch"  // ŝ (ISO 9 щ)
        case 0x10D, 0xE7, 0x107: return "ch"  // č ç ć
        case 0x17E, 0x17A, 0x17C, 0x135: return "zh"  // ž ź ż ĵ
        case 0x11F: return "gh"  // ğ
        case 0xF1: return "\u{01}"  // ñ: Kazakh ң
        case 0x131: return "i"  // dotless ı
        case 0xEB, 0xE8, 0xE9, 0xEA, 0x113, 0x119, 0x11B, 0x117: return "e"
        case 0xE2: return "ia"  // â: я in ISO 9 / GOST 7.79-A (Ûliâ)
        case 0xFB: return "iu"  // û: ю (Ûliâ)
        case 0xE4, 0xE0, 0xE1, 0xE3, 0xE5, 0x101, 0x105, 0x1CE, 0x103, 0x259, 0x1DD: return "a"
        case 0xF6, 0xF2, 0xF3, 0xF4, 0xF5, 0xF8, 0x14D, 0x151, 0x1D2: return "o"
        case 0xFC, 0xF9, 0xFA, 0x16B, 0x16F, 0x171, 0x16D, 0x1D4: return "u"
        case 0xEC, 0xED, 0xEE, 0xEF, 0x12B, 0x1D0, 0x129, 0x12F: return "i"
        case 0xFD, 0xFF: return "y"
        case 0x1F5, 0x11D, 0x123: return "g"
        case 0x1E31, 0x137: return "k"
        case 0xDF: return "ss"
        case 0xE6: return "ae"
        case 0x153: return "oe"
        case 0x111, 0xF0, 0x10F: return "d"
        case 0x142, 0x13E, 0x13A, 0x13C: return "l"
        case 0xFE: return "th"
        case 0x163, 0x21B: return "ts"
        case 0x148, 0x144, 0x146: return "n"
        case 0x159, 0x155: return "r"
        case 0x165: return "t"
        case 0x125: return "kh"
        default: return nil
        }
    }
}

/// Minimal UTF-8 decoding over bytes known to be valid (they come from Swift strings).
enum UTF8Decoding {
    /// The scalar starting at `index` and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[index])
        if b0 < 0x80 { return (b0, 1) }
        let count = bytes.count
        if b0 < 0xE0, index + 1 < count {
            return (((b0 & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0, index + 2 < count {
            return (((b0 & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F), 3)
        }
        if index + 3 < count {
            let value = ((b0 & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
                | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F)
            return (value, 4)
        }
        return (0xFFFD, 1)
    }
}
