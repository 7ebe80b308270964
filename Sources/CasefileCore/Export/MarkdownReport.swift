/// `export markdown`: the report as GitHub-flavoured Markdown, for an article or a wiki:
/// the same sections as the HTML report, originals and translations side by side in
/// tables. Text from the case is escaped so it stays text (no markup, links or HTML).
public enum MarkdownReport {
    /// Writes the report of `set` to `out`.
    public static func write(_ set: ExportSet, to out: ExportStream) {
        let content = ReportContent(set)
        let header = set.caseFile.header
        out.append("# " + escaped(header.title ?? "Untitled case") + "\n\n")
        var meta = "*Case report · revision \(header.revision)"
        if let saved = header.saved { meta += " · saved " + escaped(ReportContent.longDate(saved)) }
        out.append(meta + "*\n\n")
        if let selection = set.selection {
            out.append("> A selection of the case: `" + selection.description.filter { $0 != "`" && !$0.isNewline }
                       + "`, with the translations, authors, sources, links and notes that go with it.\n\n")
        }
        out.append("## Summary\n\n- " + content.counts + "\n")
        if let period = content.period {
            out.append("- Period: " + escaped(ReportContent.longDate(period.first))
                       + (period.first == period.last ? "" : " – " + escaped(ReportContent.longDate(period.last))) + "\n")
        }
        let languages = content.languages
        if !languages.originals.isEmpty {
            out.append("- Languages: " + escaped(languages.originals.joined(separator: ", "))
                       + (languages.translations.isEmpty ? "" : " → " + escaped(languages.translations.joined(separator: ", "))) + "\n")
        }
        out.append("\n## People\n\n")
        for person in content.people { self.person(person, content, out) }
        out.append("## Timeline\n\n")
        var day: String?
        for entry in content.timeline {
            let date = String((entry["Date"] ?? "").prefix(10))
            if date != day {
                day = date
                out.append("### " + (date.isEmpty ? "Undated" : escaped(ReportContent.longDate(date))) + "\n\n")
            }
            item(entry, content, out)
        }
        out.append("## Notes\n\n")
        if set.notes.isEmpty { out.append("No notes.\n\n") } else {
            out.append("| On | Note | By | When |\n|---|---|---|---|\n")
            for key in set.notes {
                out.append("| " + link(key.on, content) + " | " + cell(key.text) + " | " + cell(key.by) + " | "
                           + cell(key.at.isEmpty ? "" : ReportContent.longDate(key.at)) + " |\n")
            }
            out.append("\n")
        }
        out.append("## Sources\n\n")
        for (index, source) in content.sources.enumerated() {
            var line = "\(index + 1). <a id=\"\(attribute(source.id))\"></a>**" + escaped(source["Title"] ?? source.id) + "**"
            if let url = source["Url"] { line += " — " + web(url) }
            if let published = source["Published"] { line += " · published " + escaped(ReportContent.longDate(published)) }
            if let retrieved = source["Retrieved"] { line += " · retrieved " + escaped(ReportContent.longDate(retrieved)) }
            if let hash = source["Sha256"] { line += " · SHA-256 `" + hash.filter { $0.isHexDigit } + "`" }
            out.append(line + "\n")
        }
        if content.sources.isEmpty { out.append("No sources are recorded for these entries.\n") }
        out.append("\n---\n\n*Made with casefile. Each entry's anchor is its Id.*\n")
    }

    static func person(_ person: Entry, _ content: ReportContent, _ out: ExportStream) {
        out.append("### <a id=\"\(attribute(person.id))\"></a>" + escaped(person.name ?? person.id) + "\n\n")
        var facts = ["`" + code(person.id) + "`"]
        facts += person.handles.map(escaped)
        facts += person.values("Role").map(escaped)
        if !person.tags.isEmpty { facts.append("tags: " + person.tags.map(escaped).joined(separator: ", ")) }
        if let sources = citations(person, content) { facts.append("source " + sources) }
        out.append(facts.joined(separator: " · ") + "\n")
        let aliases = person.values("Alias")
        if !aliases.isEmpty { out.append("\nAlso known as: " + aliases.map(escaped).joined(separator: " · ") + "\n") }
        relations(person.id, content, out)
        notes(person.id, content, out)
        out.append("\n")
    }

    static func item(_ entry: Entry, _ content: ReportContent, _ out: ExportStream) {
        var head = "**\(entry.kind.word)**"
        if let who = entry[entry.kind == .post ? "Author" : "Speaker"] {
            head += " · " + link(who, content)
            if let handle = content.caseFile[who]?.handles.first { head += " (" + escaped(handle) + ")" }
        }
        if let platform = entry["Platform"] { head += " · " + escaped(platform) }
        for url in entry.values("Url") { head += " · " + web(url) }
        if let sources = citations(entry, content) { head += " · source " + sources }
        head += " · <a id=\"\(attribute(entry.id))\"></a>`" + code(entry.id) + "`"
        out.append(head + "\n\n")
        let translations = content.set.translations(of: entry.id)
        var titles = ["Original" + (entry.lang.map { " (" + escaped($0) + ")" } ?? "")]
        var texts = [cell(entry.text ?? "")]
        for translation in translations {
            let about = [translation.lang, translation["By"], translation["Status"]].compactMap { $0 }
            titles.append("Translation" + (about.isEmpty ? "" : " (" + about.map(escaped).joined(separator: ", ") + ")"))
            texts.append(cell(translation.text ?? ""))
        }
        out.append("| " + titles.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: titles.count) + "\n")
        out.append("| " + texts.joined(separator: " | ") + " |\n\n")
        relations(entry.id, content, out)
        notes(entry.id, content, out)
        for translation in translations { notes(translation.id, content, out) }
        out.append("\n")
    }

    static func relations(_ id: String, _ content: ReportContent, _ out: ExportStream) {
        guard let links = content.linksOf[id], !links.isEmpty else { return }
        out.append("\n")
        for link in links {
            let other = link.outgoing ? link.key.to : link.key.from
            var line = "- " + escaped(ReportContent.reading(link)) + " " + self.link(other, content)
            if let note = content.caseFile.links[link.key]?.note { line += " — " + escaped(note) }
            out.append(line + "\n")
        }
    }

    static func notes(_ id: String, _ content: ReportContent, _ out: ExportStream) {
        for key in content.notesOn[id] ?? [] {
            let by = [key.by, key.at.isEmpty ? "" : ReportContent.longDate(key.at)].filter { !$0.isEmpty }.joined(separator: ", ")
            out.append("\n> **Note:** " + cell(key.text) + (by.isEmpty ? "" : " — *" + escaped(by) + "*") + "\n")
        }
    }

    static func citations(_ entry: Entry, _ content: ReportContent) -> String? {
        let sources = entry.values("Source").compactMap { source in content.citation[source].map { "[\($0)](#\(HTMLWriter.fragment(source)))" } }
        return sources.isEmpty ? nil : sources.joined(separator: " ")
    }

    static func link(_ id: String, _ content: ReportContent) -> String {
        let label = escaped(content.label(id))
        return content.contains(id) ? "[" + label + "](#" + HTMLWriter.fragment(id) + ")" : label
    }

    static func web(_ url: String) -> String {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), !url.contains(where: { $0.isWhitespace || "<>()[]".contains($0) }) else {
            return escaped(url)
        }
        return "<" + url + ">"
    }

    /// Text for Markdown: controls made visible, HTML's `&` `<` `>` as entities, and the
    /// characters Markdown reads as markup escaped with a backslash, so a value can
    /// neither format the report nor add links or HTML to it.
    static func escaped(_ text: String) -> String {
        var out = ""
        var atLineStart = true
        for character in Terminal.visible(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "{", "}": out += "\\" + String(character)
            case "#", "-", "+", "=", "!": out += (atLineStart ? "\\" : "") + String(character)
            default: out.append(character)
            }
            atLineStart = character == "\n" || (atLineStart && character == " ")
        }
        return out
    }

    /// Text for a table cell (or a one-line quote): escaped, line breaks as `<br>`.
    static func cell(_ text: String) -> String {
        escaped(text).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>")
    }

    /// Text inside backticks: backticks and line breaks left out.
    static func code(_ text: String) -> String { Terminal.visible(text, keepNewlines: false).filter { $0 != "`" } }

    /// An Id inside an HTML attribute.
    static func attribute(_ text: String) -> String { NetworkSVG.escaped(text) }
}
