/// `export html`: one self-contained report (no network, no scripts, styles inline) that
/// opens from disk in any browser and prints cleanly to PDF.
///
/// Title and revision, a summary, the people (names in every script, handles, roles, what
/// links them), the timeline of posts and quotes with original and translation side by
/// side, notes, sources (URL, retrieval, SHA-256) and a picture of the network as inline
/// SVG. Every entry has an anchor: `report.html#aitelenov`. Text from the case is escaped
/// and shown with `dir="auto"`; a content security policy forbids scripts besides.
public enum HTMLReport {
    /// The report's sections in order: anchor name (`#_summary`) and title.
    static let sections = [("summary", "Summary"), ("people", "People"), ("timeline", "Timeline"), ("notes", "Notes"),
                           ("sources", "Sources"), ("evidence", "Evidence"), ("network", "Network")]

    /// At most this many entries are drawn in the picture (the most linked ones).
    public static let pictureLimit = 150

    /// Writes the report of `set` to `out`, the picture laid out as `layout` says.
    public static func write(_ set: ExportSet, layout: NetworkLayout.Choice = .auto, to out: ExportStream) {
        let content = ReportContent(set)
        let html = HTMLWriter(out: out, content: content)
        let title = set.caseFile.header.title ?? "Untitled case"
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        html.raw("<meta name=\"generator\" content=\"casefile\">\n<title>")
        html.text(title)
        html.raw(" — case report</title>\n<style>\n")
        html.raw(HTMLStyle.css)
        html.raw("\n</style>\n</head>\n<body>\n")
        cover(html, title: title)
        summary(html)
        PersonCards.write(html)
        TimelineSection.write(html)
        notes(html)
        sources(html)
        evidence(html)
        network(html, layout: layout)
        html.raw("<footer>Made with casefile from the case “")
        html.text(title)
        html.raw("”, revision \(set.caseFile.header.revision)")
        if let saved = set.caseFile.header.saved {
            html.raw(", saved ")
            html.text(ReportContent.longDate(saved))
        }
        html.raw(". Every entry can be linked to by its Id: <code>report.html#ID</code>.</footer>\n</body>\n</html>\n")
    }

    static func cover(_ html: HTMLWriter, title: String) {
        let header = html.content.caseFile.header
        html.raw("<header class=\"cover\">\n<p class=\"kicker\">Case report</p>\n")
        html.element("h1", title)
        html.raw("\n<p class=\"meta\">Revision \(header.revision)")
        if let saved = header.saved {
            html.raw(" · saved ")
            html.text(ReportContent.longDate(saved))
        }
        html.raw(" · working language ")
        html.text(header.workingLanguage)
        html.raw("</p>\n")
        if let selection = html.content.set.selection {
            html.raw("<p class=\"selection\">A selection of the case: ")
            html.element("code", selection.description)
            html.raw(", with the translations, authors, sources, links and notes that go with it.</p>\n")
        }
        html.raw("<nav class=\"toc\">")
        for (name, title) in sections { html.raw("<a href=\"#\(HTMLWriter.reservedAnchor(name))\">\(title)</a>") }
        html.raw("</nav>\n</header>\n")
    }

    static func summary(_ html: HTMLWriter) {
        let content = html.content
        let set = content.set
        html.openSection("summary", "Summary")
        html.raw("<ul class=\"figures\">")
        let figures: [(Int, String, String)] = [
            (set.entries(of: .person).count, "person", "people"), (set.entries(of: .post).count, "post", "posts"),
            (set.entries(of: .quote).count, "quote", "quotes"), (set.entries(of: .translation).count, "translation", "translations"),
            (set.entries(of: .source).count, "source", "sources"), (set.links.count, "link", "links"), (set.notes.count, "note", "notes"),
        ]
        for (count, one, many) in figures { html.raw("<li><b>\(count)</b>\(count == 1 ? one : many)</li>") }
        html.raw("</ul>\n<dl class=\"facts\">\n")
        if let period = content.period {
            html.raw("<dt>Period</dt><dd>")
            html.text(period.first == period.last ? ReportContent.longDate(period.first)
                      : ReportContent.longDate(period.first) + " – " + ReportContent.longDate(period.last))
            html.raw("</dd>\n")
        }
        let languages = content.languages
        if !languages.originals.isEmpty {
            html.raw("<dt>Languages</dt><dd>")
            html.text(languages.originals.joined(separator: ", "))
            if !languages.translations.isEmpty {
                html.raw(" → ")
                html.text(languages.translations.joined(separator: ", "))
            }
            html.raw("</dd>\n")
        }
        if !content.platforms.isEmpty {
            html.raw("<dt>Platforms</dt><dd>")
            html.text(content.platforms.joined(separator: ", "))
            html.raw("</dd>\n")
        }
        let ranked = content.people.map { ($0, content.linksOf[$0.id]?.count ?? 0) }.filter { $0.1 > 0 }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : ByteOrder.less($0.0.id, $1.0.id) }.prefix(5)
        if !ranked.isEmpty {
            html.raw("<dt>Most linked</dt><dd>")
            for (index, item) in ranked.enumerated() {
                if index > 0 { html.raw(", ") }
                html.link(item.0.id)
                html.raw(" (\(item.1))")
            }
            html.raw("</dd>\n")
        }
        let untranslated = content.timeline.filter { set.translations[$0.id] == nil }.count
        if untranslated > 0 {
            html.raw("<dt>Untranslated</dt><dd>\(untranslated) of \(content.timeline.count) posts and quotes</dd>\n")
        }
        html.raw("</dl>\n</section>\n")
    }

    static func notes(_ html: HTMLWriter) {
        let set = html.content.set
        guard html.openSection("notes", "Notes", hasContent: !set.notes.isEmpty, empty: "No notes.") else { return }
        html.raw("<table>\n<thead><tr><th>On</th><th>Note</th><th>By</th><th>When</th></tr></thead>\n<tbody>\n")
        for key in set.notes {
            html.raw("<tr><td>")
            html.link(key.on)
            html.raw("</td><td class=\"note\" dir=\"auto\">")
            html.text(key.text)
            html.raw("</td><td dir=\"auto\">")
            html.text(key.by)
            html.raw("</td><td>")
            html.text(key.at.isEmpty ? "" : ReportContent.longDate(key.at))
            html.raw("</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n</section>\n")
    }

    static func sources(_ html: HTMLWriter) {
        let content = html.content
        guard html.openSection("sources", "Sources", hasContent: !content.sources.isEmpty,
                               empty: "No sources are recorded for these entries.") else { return }
        html.raw("<ol class=\"sources\">\n")
        for source in content.sources {
            html.raw("<li")
            html.anchor(source.id)
            html.raw("><strong dir=\"auto\">")
            html.text(source["Title"] ?? source.id)
            html.raw("</strong><span class=\"id\">")
            html.text(source.id)
            html.raw("</span>")
            if let url = source["Url"] {
                html.raw("<div class=\"line\">")
                html.external(url)
                html.raw("</div>")
            }
            var facts: [(String, String)] = []
            if let published = source["Published"] { facts.append(("Published", ReportContent.longDate(published))) }
            if let retrieved = source["Retrieved"] { facts.append(("Retrieved", ReportContent.longDate(retrieved))) }
            for (name, value) in facts {
                html.raw("<div class=\"line\"><span class=\"k\">\(name)</span> ")
                html.text(value)
                html.raw("</div>")
            }
            if let hash = source["Sha256"] {
                html.raw("<div class=\"line\"><span class=\"k\">SHA-256</span> <span class=\"hash\">")
                html.text(hash)
                html.raw("</span></div>")
            }
            let cited = content.citedBy[source.id] ?? 0
            if cited > 0 { html.raw("<div class=\"line\"><span class=\"k\">Cited by</span> \(cited) entr\(cited == 1 ? "y" : "ies")</div>") }
            PersonCards.notesList(html, source.id)
            html.raw("</li>\n")
        }
        html.raw("</ol>\n</section>\n")
    }
}
