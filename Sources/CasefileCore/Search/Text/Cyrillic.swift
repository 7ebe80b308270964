/// Cyrillic letters as search needs them: lower case, romanisation into the ASCII that
/// `FoldKey` folds, and the Latin look-alikes used to disguise words.
///
/// The table is ours rather than ICU's because no ICU transform gives the spellings the
/// press uses (ICU: Щёлоков → "selokov", Айтеленов → "ajtelenov"); our romanisation only
/// has to land inside the set of spellings `FoldKey` treats as one.
enum Cyrillic {
    /// Whether `scalar` is a Cyrillic letter or combining mark this table knows.
    @inline(__always)
    static func isCyrillic(_ scalar: UInt32) -> Bool { scalar >= 0x400 && scalar <= 0x52F }

    /// The lower-case form of a Cyrillic scalar (others unchanged).
    static func lowercase(_ s: UInt32) -> UInt32 {
        switch s {
        case 0x410...0x42F: return s + 0x20
        case 0x400...0x40F: return s + 0x50
        case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x52F: return s | 1
        case 0x4C0: return 0x4CF
        case 0x4C1...0x4CE: return s % 2 == 1 ? s + 1 : s
        default: return s
        }
    }

    /// Marks the Kazakh ң, which the fold key reads as either "n" or "ng".
    static let ngMarker: UInt8 = 0x01
    /// Marks ъ, which the fold key reads as nothing, or as ICAO's "ie".
    static let hardSignMarker: UInt8 = 0x02

    /// The romanisation of a lower-case Cyrillic letter; nil for letters the table lacks.
    static func romanize(_ s: UInt32) -> String? {
        if s == 0x44A { return "\u{02}" }
        if s >= 0x430 && s <= 0x44F { return basic[Int(s - 0x430)] }
        switch s {
        case 0x450, 0x451: return "e"  // ѐ ё: folded to e either way
        case 0x452: return "dj"
        case 0x453, 0x491: return "g"
        case 0x454: return "ye"
        case 0x455, 0x45F, 0x4E1: return "dz"
        case 0x456, 0x45D, 0x4E3, 0x4E5: return "i"
        case 0x457: return "yi"
        case 0x458: return "y"
        case 0x459: return "l"
        case 0x45A: return "n"
        case 0x45B: return "c"
        case 0x45C, 0x49D, 0x49F, 0x4A1, 0x4C4: return "k"
        case 0x45E, 0x4AF, 0x4B1, 0x4EF, 0x4F1, 0x4F3: return "u"
        case 0x493: return "gh"
        case 0x49B: return "q"
        case 0x4A3: return "\u{01}"
        case 0x4A5, 0x4C8: return "ng"
        case 0x4AB: return "s"
        case 0x4AD: return "t"
        case 0x4B3: return "kh"
        case 0x4B5: return "ts"
        case 0x4B7, 0x4BD, 0x4F5: return "ch"
        case 0x4BB: return "h"
        case 0x4C2, 0x4DD: return "zh"
        case 0x4CE: return "m"
        case 0x4D1, 0x4D3, 0x4D9, 0x4DB: return "a"
        case 0x4D7, 0x4ED: return "e"
        case 0x4DF: return "z"
        case 0x4E7, 0x4E9, 0x4EB: return "o"
        case 0x4F9: return "y"
        case 0x483...0x489: return ""  // combining titlo and friends
        default: return nil
        }
    }

    private static let basic: [String] = [
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
    ]

    /// The Cyrillic letter a Latin letter imitates in a mostly-Cyrillic word ("Пyтин").
    static func fromLookalike(_ latin: UInt32) -> UInt32? {
        switch latin {
        case 0x41, 0x61: return 0x430  // A a → а
        case 0x42: return 0x432  // B → в
        case 0x43, 0x63: return 0x441  // C c → с
        case 0x45, 0x65: return 0x435  // E e → е
        case 0x48: return 0x43D  // H → н
        case 0x49, 0x69: return 0x456  // I i → і
        case 0x4B, 0x6B: return 0x43A  // K k → к
        case 0x4D: return 0x43C  // M → м
        case 0x4F, 0x6F: return 0x43E  // O o → о
        case 0x50, 0x70: return 0x440  // P p → р
        case 0x54: return 0x442  // T → т
        case 0x58, 0x78: return 0x445  // X x → х
        case 0x59, 0x79: return 0x443  // Y y → у
        default: return nil
        }
    }

    /// The Latin letter a Cyrillic letter imitates in a mostly-Latin word ("Рutin").
    static func toLookalike(_ cyrillic: UInt32) -> UInt32? {
        switch lowercase(cyrillic) {
        case 0x430: return 0x61
        case 0x432: return 0x62
        case 0x441: return 0x63
        case 0x435: return 0x65
        case 0x43D: return 0x68
        case 0x456: return 0x69
        case 0x43A: return 0x6B
        case 0x43C: return 0x6D
        case 0x43E: return 0x6F
        case 0x440: return 0x70
        case 0x442: return 0x74
        case 0x445: return 0x78
        case 0x443: return 0x79
        default: return nil
        }
    }
}
