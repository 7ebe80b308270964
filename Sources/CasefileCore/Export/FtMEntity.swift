/// One FollowTheMoney entity being written: `{"id":…,"schema":…,"properties":{…}}`.
/// Values are checked against what FtM's types accept (so `validate` passes): empty
/// values dropped, text cut to the type's maximum length, dates, URLs and languages
/// kept only when FtM would read them.
struct FtMEntity {
    /// The entity's id (see `FtMEntity.id(_:_:)`).
    let id: String
    /// The FtM schema name (`Person`, `Message`…).
    let schema: String
    /// Property names and their values, in the order added.
    private(set) var properties: [(name: String, values: [String])] = []

    init(id: String, schema: String) {
        self.id = id
        self.schema = schema
    }

    /// What FtM's type of a property accepts.
    enum ValueType {
        case name, string, text, entity, date, url, language
        /// The longest value FtM accepts, in characters.
        var maxLength: Int {
            switch self {
            case .name: return 384
            case .string: return 1024
            case .text: return 65000
            case .entity: return 200
            case .date: return 32
            case .url: return 4096
            case .language: return 16
            }
        }
    }

    /// Adds `value` to `name` when FtM's `type` accepts it (after cutting text to length).
    mutating func add(_ name: String, _ value: String?, _ type: ValueType = .string) {
        guard var value, !value.allSatisfy(\.isWhitespace) else { return }
        switch type {
        case .date: guard ISODate.isValid(value) else { return }
        case .url:
            let lowered = value.lowercased()
            guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("ftp://"),
                  !value.contains(where: \.isWhitespace), value.unicodeScalars.count <= type.maxLength else { return }
        case .language:
            guard let code = Self.language(value) else { return }
            value = code
        default:
            if value.unicodeScalars.count > type.maxLength {
                value = String(String.UnicodeScalarView(value.unicodeScalars.prefix(type.maxLength - 1))) + "…"
            }
        }
        if let index = properties.firstIndex(where: { $0.name == name }) {
            if !properties[index].values.contains(value) { properties[index].values.append(value) }
        } else {
            properties.append((name, [value]))
        }
    }

    /// Writes the entity as one line of JSON.
    func write(to out: ExportStream) {
        out.append("{\"id\":")
        out.appendJSONString(id)
        out.append(",\"schema\":\"\(schema)\",\"properties\":{")
        for (index, property) in properties.enumerated() {
            if index > 0 { out.append(",") }
            out.append("\"\(property.name)\":[")
            for (position, value) in property.values.enumerated() {
                if position > 0 { out.append(",") }
                out.appendJSONString(value)
            }
            out.append("]")
        }
        out.append("}}\n")
    }

    /// A stable entity id for a casefile Id: `prefix.` and the Id with every byte FtM
    /// does not allow in ids (anything but letters, digits and `-`, and a final `-`) as
    /// `.xx`, so distinct Ids give distinct entity ids; past FtM's 200 characters,
    /// `prefix.` and a SHA-256 of the Id.
    static func id(_ prefix: String, _ casefileId: String) -> String {
        var out = prefix + "."
        let bytes = Array(casefileId.utf8)
        let digits = Array("0123456789abcdef".utf8)
        var encoded: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            let plain = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                || (byte == 0x2D && index < bytes.count - 1)
            if plain {
                encoded.append(byte)
            } else {
                encoded += [0x2E, digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
        }
        if encoded.isEmpty { encoded = Array("empty".utf8) }
        out += String(decoding: encoded, as: UTF8.self)
        if out.utf8.count > 200 { return prefix + "." + SHA256Digest.sha256(Array(casefileId.utf8)) }
        return out
    }

    /// An id for something named by several parts (a link, a note): a SHA-256 of them.
    static func hashedId(_ prefix: String, _ parts: [String]) -> String {
        prefix + "." + String(SHA256Digest.sha256(Array(parts.joined(separator: "\u{0}").utf8)).prefix(32))
    }

    /// The ISO 639-3 code FtM's language type takes for a BCP 47 tag (`ru` → `rus`,
    /// `kk-Cyrl` → `kaz`), or nil for a language FtM does not list.
    static func language(_ tag: String) -> String? {
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
