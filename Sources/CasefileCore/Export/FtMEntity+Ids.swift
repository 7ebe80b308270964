/// Entity ids and language codes, as FtM takes them.
extension FtMEntity {
    /// A stable entity id for a casefile Id: `prefix.` and the Id with every byte FtM
    /// does not allow in ids (anything but letters, digits and `-`, and a final `-`) as
    /// `.xx`, so distinct Ids give distinct entity ids; past FtM's 200 characters,
    /// `prefix.` and a SHA-256 of the Id.
    static func id(_ prefix: String, _ casefileId: String) -> String {
        var bytes: [UInt8] = []
        appendId(prefix, casefileId, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `id(prefix, casefileId)` to `bytes`, with no string made for it.
    static func appendId(_ prefix: String, _ casefileId: String, to bytes: inout [UInt8]) {
        var casefileId = casefileId
        casefileId.withUTF8 { utf8 in
            let count = utf8.count
            func isPlain(_ byte: UInt8, at index: Int) -> Bool {
                (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                    || (byte == 0x2D && index < count - 1)
            }
            var length = prefix.utf8.count + 1 + (count == 0 ? 5 : count)
            for (index, byte) in utf8.enumerated() where !isPlain(byte, at: index) { length += 2 }
            bytes.append(contentsOf: prefix.utf8)
            bytes.append(0x2E)
            if length > 200 {
                bytes.append(contentsOf: SHA256Digest.sha256(Array(utf8)).utf8)
                return
            }
            for (index, byte) in utf8.enumerated() {
                if isPlain(byte, at: index) {
                    bytes.append(byte)
                } else {
                    bytes.append(0x2E)
                    bytes.append(hexDigit(byte >> 4))
                    bytes.append(hexDigit(byte & 0x0F))
                }
            }
            if count == 0 { bytes.append(contentsOf: "empty".utf8) }
        }
    }

    /// The lower-case hex digit of `nibble` (0…15).
    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }

    /// An id for something named by several parts (a link, a note): a SHA-256 of them.
    static func hashedId(_ prefix: String, _ parts: [String]) -> String {
        prefix + "." + String(SHA256Digest.sha256(parts: parts, separator: 0).prefix(32))
    }

    /// The ISO 639-3 code FtM's language type takes for a BCP 47 tag (`ru` → `rus`,
    /// `kk-Cyrl` → `kaz`), or nil for a language FtM does not list.
    static func language(_ tag: String) -> String? {
        // The common tag, two lower-case letters (`ru`, `kk`), is looked up as it is.
        let utf8 = tag.utf8
        if utf8.count == 2, utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { return threeLetter[tag] }
        let primary = String(tag.lowercased().split(separator: "-").first ?? "")
        if primary.count == 3, threeLetter.values.contains(primary) || ["cnr", "fil", "mul"].contains(primary) { return primary }
        return threeLetter[primary]
    }

    /// FtM's languages by their two-letter codes.
    static let threeLetter: [String: String] = [
        "af": "afr", "am": "amh", "ar": "ara", "az": "aze", "be": "bel", "bg": "bul", "bn": "ben", "bs": "bos", "ca": "cat",
        "cs": "ces", "da": "dan", "de": "deu", "el": "ell", "en": "eng", "es": "spa", "et": "est", "fa": "fas", "fi": "fin",
        "fr": "fra", "ga": "gle", "he": "heb", "hi": "hin", "hr": "hrv", "hu": "hun", "hy": "hye", "id": "ind", "in": "ind",
        "is": "isl", "it": "ita", "iw": "heb", "ja": "jpn", "ka": "kat", "kk": "kaz", "km": "khm", "kn": "kan", "ko": "kor",
        "ky": "kir", "lb": "ltz", "lo": "lao", "lt": "lit", "lv": "lav", "mk": "mkd", "mn": "mon", "mo": "ron", "ms": "msa",
        "mt": "mlt", "my": "mya", "ne": "nep", "nl": "nld", "no": "nor", "pl": "pol", "ps": "pus", "pt": "por", "ro": "ron",
        "ru": "rus", "si": "sin", "sk": "slk", "sl": "slv", "sq": "sqi", "sr": "srp", "sv": "swe", "sw": "swa", "ta": "tam",
        "te": "tel", "tg": "tgk", "th": "tha", "tk": "tuk", "tl": "tgl", "tr": "tur", "uk": "ukr", "ur": "urd", "uz": "uzb",
        "vi": "vie", "zh": "zho",
    ]
}
