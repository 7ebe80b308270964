/// Small pieces of HTML over an export stream. Everything from the case goes through
/// `text` (escaped, controls made visible): markup is only ever written by casefile.
struct HTMLWriter {
    let out: ExportStream
    let content: ReportContent

    /// Markup written by casefile itself.
    func raw(_ markup: String) { out.append(markup) }

    /// Text from the case, escaped.
    func text(_ value: String) { out.appendHTMLText(value) }

    /// `<tag class=… dir="auto">text</tag>`.
    func element(_ tag: String, _ value: String, class name: String? = nil) {
        raw("<\(tag)" + (name.map { " class=\"\($0)\"" } ?? "") + " dir=\"auto\">")
        text(value)
        raw("</\(tag)>")
    }

    /// A link to the entry `id` within the report (its label alone when it is not exported).
    func link(_ id: String, _ label: String? = nil) {
        let shown = label ?? content.label(id)
        guard content.contains(id) else {
            element("span", shown)
            return
        }
        raw("<a href=\"#")
        text(Self.fragment(id))
        raw("\" dir=\"auto\">")
        text(shown)
        raw("</a>")
    }

    /// A web address as a link when it is http(s), else as plain text (no `javascript:`).
    func external(_ url: String, label: String? = nil) {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), !url.contains(where: \.isWhitespace) else {
            element("span", label ?? url)
            return
        }
        raw("<a href=\"")
        text(url)
        raw("\" rel=\"noopener noreferrer\">")
        text(label ?? url)
        raw("</a>")
    }

    /// The anchor attribute `id="…"` of an entry.
    func anchor(_ id: String) {
        raw(" id=\"")
        text(id)
        raw("\"")
    }

    /// `[1]` linking to a source in the list of sources.
    func cite(_ source: String) {
        guard let number = content.citation[source] else {
            element("span", source)
            return
        }
        raw("<a href=\"#")
        text(Self.fragment(source))
        raw("\" title=\"")
        text(content.label(source))
        raw("\">[\(number)]</a>")
    }

    /// An Id as a URL fragment: letters, digits and `-._~` as they are, the rest %-encoded
    /// (browsers decode it before matching the `id`).
    static func fragment(_ id: String) -> String {
        var out = ""
        let digits = Array("0123456789ABCDEF")
        for byte in id.utf8 {
            let plain = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
            if plain { out.unicodeScalars.append(UnicodeScalar(byte)) } else {
                out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
