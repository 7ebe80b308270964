/// A file's media type, told from its first bytes (magic numbers), not from its name: a
/// screenshot saved as `.png` that holds JPEG data is recorded as `image/jpeg`.
public enum MediaType {
    /// The media type of content starting with `head`; `isWACZ` when the content is a ZIP
    /// archive holding a `datapackage.json`.
    public static func sniff(_ head: [UInt8], isWACZ: Bool = false) -> String {
        if head.isEmpty { return "application/x-empty" }
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<offset + magic.count]) == magic
        }
        func ascii(_ text: String, at offset: Int = 0) -> Bool { starts(Array(text.utf8), at: offset) }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if ascii("GIF87a") || ascii("GIF89a") { return "image/gif" }
        if ascii("RIFF") && ascii("WEBP", at: 8) { return "image/webp" }
        if ascii("RIFF") && ascii("WAVE", at: 8) { return "audio/wav" }
        if ascii("RIFF") && ascii("AVI ", at: 8) { return "video/x-msvideo" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "image/tiff" }
        if ascii("%PDF-") { return "application/pdf" }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            return isWACZ ? "application/wacz" : "application/zip"
        }
        if starts([0x1F, 0x8B]) { return "application/gzip" }
        if ascii("WARC/") { return "application/warc" }
        if ascii("ftyp", at: 4) { return ascii("qt  ", at: 8) ? "video/quicktime" : "video/mp4" }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) {
            return contains(Array("webm".utf8), in: head) ? "video/webm" : "video/x-matroska"
        }
        if ascii("OggS") { return "application/ogg" }
        if ascii("ID3") || starts([0xFF, 0xFB]) || starts([0xFF, 0xF3]) { return "audio/mpeg" }
        if ascii("fLaC") { return "audio/flac" }
        if head.contains(0) { return "application/octet-stream" }
        return textType(head)
    }

    /// The type of content without a binary signature: HTML, SVG, XML, JSON, a saved
    /// web page (MHTML), plain UTF-8 text, or bytes.
    static func textType(_ head: [UInt8]) -> String {
        var start = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[start]) { start += 1 }
        let lowered = head[start...].prefix(1024).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let text = String(decoding: lowered, as: UTF8.self)
        if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") || text.hasPrefix("<head")
            || (text.hasPrefix("<!--") && text.contains("<html")) {
            return "text/html"
        }
        if text.contains("<svg") && (text.hasPrefix("<?xml") || text.hasPrefix("<svg") || text.hasPrefix("<!doctype svg")) {
            return "image/svg+xml"
        }
        if text.hasPrefix("<?xml") { return "application/xml" }
        if text.contains("content-type: multipart/related") { return "multipart/related" }
        if text.hasPrefix("{") || text.hasPrefix("[") { return "application/json" }
        return isUTF8(head) ? "text/plain" : "application/octet-stream"
    }

    /// Whether `head` is UTF-8, allowing a character cut off at its end.
    static func isUTF8(_ head: [UInt8]) -> Bool {
        var bytes = head[...]
        for _ in 0..<3 {
            if String(validating: bytes, as: UTF8.self) != nil { return true }
            guard !bytes.isEmpty else { break }
            bytes = bytes.dropLast()
        }
        return false
    }

    /// The media type a file name's extension suggests, for remarking on a name that
    /// disagrees with the content; nil for an extension not listed.
    public static func expected(forName name: String) -> String? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let table = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
                     "webp": "image/webp", "pdf": "application/pdf", "zip": "application/zip",
                     "wacz": "application/wacz", "html": "text/html", "htm": "text/html", "mp4": "video/mp4",
                     "mov": "video/quicktime", "webm": "video/webm", "mkv": "video/x-matroska",
                     "json": "application/json", "txt": "text/plain", "svg": "image/svg+xml",
                     "tif": "image/tiff", "tiff": "image/tiff", "mp3": "audio/mpeg", "wav": "audio/wav",
                     "warc": "application/warc", "gz": "application/gzip", "mhtml": "multipart/related"]
        return table[name[name.index(after: dot)...].lowercased()]
    }

    private static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<start + needle.count]) == needle {
            return true
        }
        return false
    }
}
