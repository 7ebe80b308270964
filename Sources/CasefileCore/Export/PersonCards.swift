/// The report's people: a card each with names in every script, handles, roles, tags,
/// what links them (both ways, with the link's note), what they said, notes and sources.
enum PersonCards {
    static func write(_ html: HTMLWriter) {
        let content = html.content
        guard html.openSection("people", "People", hasContent: !content.people.isEmpty, empty: "No people in this export.") else { return }
        var said: [String: [String]] = [:]
        for entry in content.timeline {
            if let who = entry[entry.kind == .post ? "Author" : "Speaker"] { said[who, default: []].append(entry.id) }
        }
        html.raw("<div class=\"people\">\n")
        for person in content.people {
            html.raw("<article class=\"card\"")
            html.anchor(person.id)
            html.raw(">\n<h3><span dir=\"auto\">")
            html.text(person.name ?? person.id)
            html.raw("</span><a class=\"id\" href=\"#")
            html.text(HTMLWriter.fragment(person.id))
            html.raw("\">")
            html.text(person.id)
            html.raw("</a></h3>\n")
            let aliases = person.values("Alias")
            if !aliases.isEmpty {
                html.raw("<div class=\"line\"><span class=\"k\">Also</span> ")
                for (index, alias) in aliases.enumerated() {
                    if index > 0 { html.raw(" · ") }
                    html.element("span", alias)
                }
                html.raw("</div>\n")
            }
            chips(html, person.handles, class: nil)
            for role in person.values("Role") {
                html.raw("<div class=\"line\"><span class=\"k\">Role</span> ")
                html.element("span", role)
                html.raw("</div>\n")
            }
            chips(html, person.tags, class: "tag")
            for url in person.values("Url") {
                html.raw("<div class=\"line\">")
                html.external(url)
                html.raw("</div>\n")
            }
            relations(html, person.id)
            // What they said that no `authored` link lists already.
            let linked = Set((content.linksOf[person.id] ?? []).filter { $0.outgoing && $0.key.rel == "authored" }.map(\.key.to))
            if let items = said[person.id]?.filter({ !linked.contains($0) }), !items.isEmpty {
                html.raw("<div class=\"line\"><span class=\"k\">Said</span> ")
                for (index, id) in items.enumerated() {
                    if index > 0 { html.raw(", ") }
                    html.link(id, id)
                }
                html.raw("</div>\n")
            }
            notesList(html, person.id)
            sourcesLine(html, person)
            html.raw("</article>\n")
        }
        html.raw("</div>\n</section>\n")
    }

    static func chips(_ html: HTMLWriter, _ values: [String], class name: String?) {
        guard !values.isEmpty else { return }
        html.raw("<div class=\"chips\">")
        for value in values { html.element("span", value, class: name) }
        html.raw("</div>\n")
    }

    /// The entry's links, read from its side: `criticizes Akhmetzhan Esimov — note`.
    static func relations(_ html: HTMLWriter, _ id: String, except author: String? = nil) {
        // The author's `authored` link says what the item's heading says already.
        let links = (html.content.linksOf[id] ?? []).filter { !($0.key.rel == "authored" && $0.key.from == author && !$0.outgoing) }
        guard !links.isEmpty else { return }
        html.raw("<ul class=\"rel\">\n")
        for link in links {
            let other = link.outgoing ? link.key.to : link.key.from
            html.raw("<li><span class=\"rel-\(Relation.isWellFormed(link.key.rel) ? link.key.rel : "other")\">")
            html.text(ReportContent.reading(link))
            html.raw("</span> ")
            html.link(other)
            if let note = html.content.caseFile.links[link.key]?.note {
                html.raw(" <span class=\"why\" dir=\"auto\">— ")
                html.text(note)
                html.raw("</span>")
            }
            html.raw("</li>\n")
        }
        html.raw("</ul>\n")
    }

    /// The notes on `id`, each with who wrote it and when.
    static func notesList(_ html: HTMLWriter, _ id: String) {
        guard let notes = html.content.notesOn[id], !notes.isEmpty else { return }
        html.raw("<ul class=\"notes\">\n")
        for key in notes {
            html.raw("<li dir=\"auto\">")
            html.text(key.text)
            let by = [key.by, key.at.isEmpty ? "" : ReportContent.longDate(key.at)].filter { !$0.isEmpty }
            if !by.isEmpty {
                html.raw("<span class=\"by\">")
                html.text("— " + by.joined(separator: ", "))
                html.raw("</span>")
            }
            html.raw("</li>\n")
        }
        html.raw("</ul>\n")
    }

    /// `Source [1]` for each source the entry names.
    static func sourcesLine(_ html: HTMLWriter, _ entry: Entry) {
        let sources = entry.values("Source")
        guard !sources.isEmpty else { return }
        html.raw("<div class=\"line\"><span class=\"k\">Source</span> ")
        for (index, source) in sources.enumerated() {
            if index > 0 { html.raw(" ") }
            html.cite(source)
        }
        html.raw("</div>\n")
    }
}
