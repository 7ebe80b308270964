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
        text(Self.anchorName(id))
        raw("\"")
    }

    /// Opens the report's section `name` (anchor `_name`) with its heading. When it has no
    /// content, writes `empty` and closes the section: returns false.
    @discardableResult
    func openSection(_ name: String, _ title: String, hasContent: Bool = true, empty: String = "") -> Bool {
        raw("<section id=\"\(Self.reservedAnchor(name))\">\n<h2>\(title)</h2>\n")
        guard hasContent else {
            raw("<p class=\"empty\">\(empty)</p>\n</section>\n")
            return false
        }
        return true
    }

    /// The anchor of an entry: its Id, with one more `_` when the Id begins with `_`. The
    /// report's own anchors (`reservedAnchor`) are `_` and a letter, so no entry, whatever
    /// its Id (`summary`, `people`, `_summary`), can take a section's place, while every
    /// Id an ordinary case has is its own anchor (`report.html#aitelenov`).
    static func anchorName(_ id: String) -> String { id.hasPrefix("_") ? "_" + id : id }

    /// The anchor of something of the report's own: a section (`_summary`), a marker.
    static func reservedAnchor(_ name: String) -> String { "_" + name }

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

    /// An entry's anchor (`anchorName`) as a URL fragment: letters, digits and `-._~` as they are, the rest %-encoded
    /// (browsers decode it before matching the `id`).
    static func fragment(_ id: String) -> String {
        var out = ""
        let digits = Array("0123456789ABCDEF")
        for byte in anchorName(id).utf8 {
            let plain = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
            if plain { out.unicodeScalars.append(UnicodeScalar(byte)) } else {
                out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
