import Foundation

/// Reads the plain text of an article that quotes posts as Global Voices does: the
/// post's text, then a line `— Display Name (@handle) Month D, YYYY`, then (when it is in
/// another language) the translation paragraph.
enum ArticleReader {
    /// Reads `bytes` into `batch`; `title` (title=) overrides the title found in the text.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, into batch: inout ImportBatch, title: String?) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            batch.problems.append(Diagnostic(file: batch.file, line: 0, message: "the article is not valid UTF-8",
                                             hint: "convert it first: iconv -t UTF-8"))
            return
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        // Paragraphs: runs of non-blank lines, with the number of their first line.
        var paragraphs: [(line: Int, text: String)] = []
        var current: [String] = []
        var start = 0
        for (index, line) in lines.enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { paragraphs.append((start + 1, current.joined(separator: "\n"))) }
                current = []
            } else {
                if current.isEmpty { start = index }
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append((start + 1, current.joined(separator: "\n"))) }
        if title == nil, let found = paragraphs.first(where: isTitle) { batch.title = found.text }
        for paragraph in paragraphs where paragraph.text.hasPrefix("Posted by ") {
            if let range = paragraph.text.range(of: " on ") {
                let rest = paragraph.text[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: ". "))
                batch.published = DateParser.iso(rest)
            }
        }
        for (index, paragraph) in paragraphs.enumerated() {
            let first = paragraph.text.first
            guard first == "—" || first == "–" || paragraph.text.hasPrefix("-- ") else { continue }
            guard let byline = Byline(paragraph.text) else {
                batch.problems.append(Diagnostic(
                    file: batch.file, line: paragraph.line, column: 1,
                    message: "a dash line that is not '— Display Name (@handle) Month D, YYYY'",
                    hint: "write the post's byline as Global Voices does, e.g. — Cinemaholic (@baitukenov) February 5, 2014"))
                continue
            }
            guard index > 0 else {
                batch.problems.append(Diagnostic(file: batch.file, line: paragraph.line, message: "a byline with no post text before it"))
                continue
            }
            let original = paragraphs[index - 1].text
            let author = ImportedPerson(platform: "twitter", handle: byline.handle, name: byline.name)
            var post = ImportedPost(platform: "twitter", postId: nil, author: author, date: byline.date, text: original)
            post.location = "line \(paragraphs[index - 1].line)"
            post.mentions = mentions(in: original)
            batch.posts.append(post)
            // The next paragraph is the translation when it is in another language.
            if index + 1 < paragraphs.count, !paragraphs[index + 1].text.hasPrefix("—") {
                let next = paragraphs[index + 1].text
                let originalLang = ImportLanguage.guess(original)
                if let lang = ImportLanguage.guess(next), lang != originalLang {
                    batch.translations.append(ImportedTranslation(post: batch.posts.count - 1, lang: lang, text: next))
                }
            }
        }
        if batch.posts.isEmpty && batch.problems.isEmpty {
            batch.problems.append(Diagnostic(file: batch.file, line: 0, message: "no quoted posts found in the article",
                                             hint: "each post's text is followed by a line '— Display Name (@handle) Month D, YYYY'"))
        }
    }

    /// A title: a line of at least four words that does not end a sentence.
    private static func isTitle(_ paragraph: (line: Int, text: String)) -> Bool {
        let text = paragraph.text
        return !text.contains("\n") && text.split(separator: " ").count >= 4 && text.count < 200
            && !(text.hasSuffix(".") || text.hasSuffix(":") || text.hasSuffix("?"))
    }

    /// `@handles` in a text.
    static func mentions(in text: String) -> [String] {
        var found: [String] = []
        var scalars = text.unicodeScalars[...]
        while let at = scalars.firstIndex(of: "@") {
            let rest = scalars[scalars.index(after: at)...]
            let name = rest.prefix { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" }
            if !name.isEmpty { found.append("@" + String(String.UnicodeScalarView(name))) }
            scalars = rest.dropFirst(name.count)
        }
        return found
    }
}

/// `— IT-len-off Нурали (@extremkz) February 4, 2014`.
struct Byline {
    var name: String
    var handle: String
    var date: String

    init?(_ line: String) {
        guard !line.contains("\n") else { return nil }
        let body = line.drop { $0 == "—" || $0 == "–" || $0 == "-" || $0 == " " }
        guard let open = body.range(of: " (@", options: .backwards),
              let close = body[open.upperBound...].firstIndex(of: ")") else { return nil }
        let name = body[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
        let handle = body[open.upperBound..<close]
        let dateText = body[body.index(after: close)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !handle.isEmpty, handle.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
              let date = DateParser.iso(dateText) else { return nil }
        self.name = name
        self.handle = "@" + handle
        self.date = date
    }
}
