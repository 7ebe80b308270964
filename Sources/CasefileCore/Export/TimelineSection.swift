/// The report's timeline: posts and quotes by date, each with who, when, where, its URL
/// and source, and the original beside its translations.
enum TimelineSection {
    static func write(_ html: HTMLWriter) {
        let content = html.content
        html.openSection("timeline", "Timeline")
        if content.timeline.isEmpty { html.raw("<p class=\"empty\">No posts or quotes in this export.</p>\n") }
        var day: String?
        for entry in content.timeline {
            let date = String((entry["Date"] ?? "").prefix(10))
            if date != day {
                day = date
                html.raw("<h4 class=\"day\">")
                html.text(date.isEmpty ? "Undated" : ReportContent.longDate(date))
                html.raw("</h4>\n")
            }
            item(html, entry)
        }
        if !content.unpaired.isEmpty {
            html.raw("<h4 class=\"day\">Translations whose original is not in this export</h4>\n")
            for translation in content.unpaired {
                html.raw("<article class=\"item\">\n<div class=\"pair single\">")
                text(html, translation, isOriginal: false)
                html.raw("</div>\n")
                PersonCards.notesList(html, translation.id)
                html.raw("</article>\n")
            }
        }
        html.raw("</section>\n")
    }

    static func item(_ html: HTMLWriter, _ entry: Entry) {
        let content = html.content
        let isPost = entry.kind == .post
        html.raw("<article class=\"item\"")
        html.anchor(entry.id)
        html.raw(">\n<div class=\"head\"><span class=\"kind\">\(entry.kind.word)</span>")
        if let who = entry[isPost ? "Author" : "Speaker"] {
            html.raw("<span class=\"who\">")
            html.link(who)
            html.raw("</span>")
            if let handle = content.caseFile[who]?.handles.first {
                html.raw(" ")
                html.text(handle)
            }
        }
        var facts: [String] = []
        if let date = entry["Date"] { facts.append(ReportContent.longDate(date)) }
        if let platform = entry["Platform"] { facts.append(platform) }
        for fact in facts {
            html.raw(" · ")
            html.text(fact)
        }
        if let post = entry["Post"] {
            html.raw(" · from ")
            html.link(post, post)
        }
        for url in entry.values("Url") {
            html.raw(" · ")
            html.external(url)
        }
        for source in entry.values("Source") {
            html.raw(" · source ")
            html.cite(source)
        }
        html.raw("<a class=\"id\" href=\"#")
        html.text(HTMLWriter.fragment(entry.id))
        html.raw("\">")
        html.text(entry.id)
        html.raw("</a></div>\n")
        let translations = content.set.translations(of: entry.id)
        html.raw(translations.isEmpty ? "<div class=\"pair single\">" : "<div class=\"pair\">")
        text(html, entry, isOriginal: true)
        if !translations.isEmpty {
            html.raw(translations.count > 1 ? "<div>" : "")
            for translation in translations { text(html, translation, isOriginal: false) }
            html.raw(translations.count > 1 ? "</div>" : "")
        }
        html.raw("</div>\n")
        PersonCards.chips(html, entry.tags, class: "tag")
        PersonCards.relations(html, entry.id, except: entry[isPost ? "Author" : "Speaker"])
        PersonCards.notesList(html, entry.id)
        for translation in translations { PersonCards.notesList(html, translation.id) }
        html.raw("</article>\n")
    }

    /// One text box: a label (original or translation, language, translator, status), then
    /// the text in its own direction.
    static func text(_ html: HTMLWriter, _ entry: Entry, isOriginal: Bool) {
        html.raw(isOriginal ? "<div class=\"text original\"" : "<div class=\"text translation\"")
        if !isOriginal { html.anchor(entry.id) }
        html.raw("><span class=\"label\">")
        var label = [isOriginal ? "Original" : "Translation"]
        if let lang = entry.lang { label.append(lang) }
        if !isOriginal {
            if let by = entry["By"] { label.append(by) }
            if let status = entry["Status"] { label.append(status) }
        }
        html.text(label.joined(separator: " · "))
        if !isOriginal && entry["Source"] != nil {
            html.raw(" ")
            for source in entry.values("Source") { html.cite(source) }
        }
        html.raw("</span><div dir=\"auto\"")
        if let lang = entry.lang, LanguageTag.isValid(lang) {
            html.raw(" lang=\"")
            html.text(lang)
            html.raw("\"")
        }
        html.raw(">")
        html.text(entry.text ?? "")
        html.raw("</div></div>")
    }
}
