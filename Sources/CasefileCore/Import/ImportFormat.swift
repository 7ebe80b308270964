/// The formats `import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    /// twarc2 output: raw API pages or `twarc2 flatten` lines.
    case twarc
    /// The X/Twitter account archive, as its folder or its zip.
    case xArchive = "x-archive"
    /// Telegram Desktop's JSON export (`result.json`).
    case telegram
    /// An article's plain text quoting posts as Global Voices does.
    case article
    /// A TMX 1.4b translation memory (casefile's `export tmx`, OmegaT, any CAT tool).
    case tmx
    /// An XLIFF 2.0 bilingual file (casefile's `export xliff`, CAT tools).
    case xliff

    /// Whether the format holds translation units (changes to translations), not posts.
    public var holdsUnits: Bool { self == .tmx || self == .xliff }

    /// The words `import` accepts for FORMAT.
    public static var words: [String] { ["auto"] + allCases.map(\.rawValue) }

    /// The format of `bytes` (a file's first bytes are enough), or nil when unsure.
    /// A folder or zip is an X archive; JSON lines with `data` or `author` are twarc; a JSON
    /// object with `messages` or `chats` is Telegram; other UTF-8 text is an article.
    public static func detect(path: String, isFolder: Bool, head: [UInt8]) -> ImportFormat? {
        if isFolder || head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xArchive }
        var text = String(decoding: head.prefix(4096), as: UTF8.self)
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            // UTF-16 with its byte order mark: TMX from Trados and other Windows tools.
            let little = head[0] == 0xFF
            let units = stride(from: 2, to: head.count - 1, by: 2).map { index in
                little ? UInt16(head[index]) | UInt16(head[index + 1]) << 8 : UInt16(head[index]) << 8 | UInt16(head[index + 1])
            }
            text = String(decoding: units, as: UTF16.self)
            if text.contains("<tmx") { return .tmx }
            if text.contains("<xliff") { return .xliff }
            return nil
        }
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("window.YTD.") { return .xArchive }
        if trimmed.hasPrefix("{") {
            let firstLine = trimmed.prefix { $0 != "\n" }
            if firstLine.contains("\"__twarc\"") || firstLine.contains("\"data\"") || firstLine.contains("\"author_id\"") {
                return .twarc
            }
            if text.contains("\"messages\"") || text.contains("\"chats\"") || text.contains("\"personal_information\"") {
                return .telegram
            }
            return nil
        }
        if trimmed.hasPrefix("[") { return nil }
        if trimmed.hasPrefix("<") {
            if text.contains("<tmx") { return .tmx }
            if text.contains("<xliff") { return .xliff }
        }
        return String(validating: head.prefix(4096), as: UTF8.self) != nil || head.count > 4096 ? .article : nil
    }
}
