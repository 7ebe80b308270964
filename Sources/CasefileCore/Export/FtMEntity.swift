/// One FollowTheMoney entity being written: `{"id":…,"schema":…,"properties":{…}}`.
/// Values are checked against what FtM's types accept (so `validate` passes): empty
/// values dropped, text cut to the type's maximum length, dates, URLs and languages
/// kept only when FtM would read them.
struct FtMEntity {
    /// The entity's id (see `FtMEntity.id(_:_:)`).
    private(set) var id: String
    /// The FtM schema name (`Person`, `Message`…).
    private(set) var schema: String
    /// Each property value with its name, in the order added, without repeats: one list
    /// for the entity (rather than a list per property); `write` groups them by name.
    private var values: [(name: String, value: String)] = []

    init(id: String, schema: String) {
        self.id = id
        self.schema = schema
        values.reserveCapacity(12)
    }

    /// Makes this the empty entity `id` of `schema`, keeping the storage of its values:
    /// a writer reuses one entity for the million it writes.
    mutating func start(id: String, schema: String) {
        self.id = id
        self.schema = schema
        values.removeAll(keepingCapacity: true)
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
        guard var value, !Self.isBlank(value) else { return }
        switch type {
        case .date: guard ISODate.isValid(value) else { return }
        case .url:
            guard Self.hasWebScheme(value), !Self.hasWhitespace(value), value.unicodeScalars.count <= type.maxLength else { return }
        case .language:
            guard let code = Self.language(value) else { return }
            value = code
        default:
            // No more bytes than the limit: no more scalars either, and nothing to count.
            if value.utf8.count > type.maxLength, value.unicodeScalars.count > type.maxLength {
                value = String(String.UnicodeScalarView(value.unicodeScalars.prefix(type.maxLength - 1))) + "…"
            }
        }
        if !values.contains(where: { $0.name == name && $0.value == value }) { values.append((name, value)) }
    }

    /// Whether `value` begins with `http://`, `https://` or `ftp://`, in any case.
    static func hasWebScheme(_ value: String) -> Bool {
        let utf8 = value.utf8
        // The scheme's bytes against the first ones of `value` in lower case (no copy of them).
        func starts(with scheme: String.UTF8View) -> Bool {
            utf8.count >= scheme.count && zip(utf8, scheme).allSatisfy { pair in
                (pair.0 >= 0x41 && pair.0 <= 0x5A ? pair.0 | 0x20 : pair.0) == pair.1
            }
        }
        return starts(with: "http://".utf8) || starts(with: "https://".utf8) || starts(with: "ftp://".utf8)
    }

    /// Whether some character of `value` is white space; on the bytes when it is ASCII.
    static func hasWhitespace(_ value: String) -> Bool {
        let utf8 = value.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return value.contains(where: \.isWhitespace) }
        return utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
    }

    /// Whether `value` holds nothing but white space (as `Character.isWhitespace` says).
    static func isBlank(_ value: String) -> Bool {
        // A character is white space when its first scalar is: a first byte that is ASCII
        // and not white space settles it without walking the text's characters.
        if let first = value.utf8.first, first < 0x80, first != 0x20, !(0x09...0x0D).contains(first) { return false }
        return value.allSatisfy(\.isWhitespace)
    }

    /// Writes the entity as one line of JSON (schema and property names are ASCII
    /// letters: written as they are, with no string built for them).
    func write(to out: ExportStream) {
        out.append("{\"id\":")
        out.appendJSONString(id)
        out.append(",\"schema\":\"")
        out.append(schema)
        out.append("\",\"properties\":{")
        // Properties in the order their names were first added, each with its values in
        // the order added: a name seen before `index` was written with that first value.
        var first = true
        for index in values.indices {
            let name = values[index].name
            if values[..<index].contains(where: { $0.name == name }) { continue }
            out.append(first ? "\"" : ",\"")
            first = false
            out.append(name)
            out.append("\":[")
            out.appendJSONString(values[index].value)
            for later in values[(index + 1)...] where later.name == name {
                out.append(byte: 0x2C)
                out.appendJSONString(later.value)
            }
            out.append(byte: 0x5D)
        }
        out.append("}}\n")
    }

    /// A stable entity id for a casefile Id: `prefix.` and the Id with every byte FtM
    /// does not allow in ids (anything but letters, digits and `-`, and a final `-`) as
    /// `.xx`, so distinct Ids give distinct entity ids; past FtM's 200 characters,
    /// `prefix.` and a SHA-256 of the Id.
    static func id(_ prefix: String, _ casefileId: String) -> String {
        let utf8 = casefileId.utf8
        let count = utf8.count
        func isPlain(_ byte: UInt8, at index: Int) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                || (byte == 0x2D && index < count - 1)
        }
        // The length first, so the id is made in its own storage, with no buffer before it.
        var length = prefix.utf8.count + 1 + (count == 0 ? 5 : count)
        for (index, byte) in utf8.enumerated() where !isPlain(byte, at: index) { length += 2 }
        if length > 200 { return prefix + "." + SHA256Digest.sha256(Array(utf8)) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var next = 0
            func put(_ byte: UInt8) {
                buffer[next] = byte
                next += 1
            }
            for byte in prefix.utf8 { put(byte) }
            put(0x2E)
            for (index, byte) in utf8.enumerated() {
                if isPlain(byte, at: index) {
                    put(byte)
                } else {
                    put(0x2E)
                    put(hexDigit(byte >> 4))
                    put(hexDigit(byte & 0x0F))
                }
            }
            if count == 0 { for byte in "empty".utf8 { put(byte) } }
            return next
        }
    }

    /// The lower-case hex digit of `nibble` (0…15).
    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }

    /// An id for something named by several parts (a link, a note): a SHA-256 of them.
    static func hashedId(_ prefix: String, _ parts: [String]) -> String {
        prefix + "." + String(SHA256Digest.sha256(Array(parts.joined(separator: "\u{0}").utf8)).prefix(32))
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
