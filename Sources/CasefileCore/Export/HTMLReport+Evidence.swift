extension HTMLReport {
    /// The captured evidence of the exported entries, entry by entry: each file's name and
    /// size, media type, SHA-256, capture time and what its last verification found (read
    /// from its chain of custody: `verify` records every outcome there).
    /// - Complexity: O(e log e) in the case's evidence records, one pass over them.
    static func evidence(_ html: HTMLWriter) {
        let content = html.content
        let byEntry = content.caseFile.evidenceByEntry().filter { content.contains($0.key) }
        guard html.openSection("evidence", "Evidence", hasContent: !byEntry.isEmpty,
                               empty: "No evidence has been captured for these entries.") else { return }
        html.raw("<table class=\"evidence\">\n<thead><tr><th>Of</th><th>File</th><th>Type</th><th>SHA-256</th>")
        html.raw("<th>Captured</th><th>Last verified</th></tr></thead>\n<tbody>\n")
        for on in byEntry.keys.sorted(by: ByteOrder.less) {
            for record in byEntry[on] ?? [] { evidenceRow(html, record) }
        }
        html.raw("</tbody>\n</table>\n</section>\n")
    }

    static func evidenceRow(_ html: HTMLWriter, _ record: EvidenceRecord) {
        html.raw("<tr")
        html.anchor(record.id)
        html.raw("><td>")
        html.link(record.on)
        html.raw("</td><td>")
        html.element("span", record.name ?? record.id, class: "file")
        if let size = record.size { html.raw(" <span class=\"k\">\(ByteSize.text(size))</span>") }
        if let url = record.url {
            html.raw("<div class=\"line\">")
            html.external(url)
            html.raw("</div>")
        }
        if record.linkedPath != nil { html.raw("<div class=\"line k\">linked in place, not copied</div>") }
        html.raw("</td><td>")
        html.text(record.mediaType ?? "")
        html.raw("</td><td><span class=\"hash\">")
        html.text(record.sha256)
        html.raw("</span></td><td>")
        if let captured = record.captured {
            html.text(ReportContent.longDate(captured))
            if record.capturedFrom == "file-mtime" { html.raw(" <span class=\"k\">(the file’s time)</span>") }
        }
        html.raw("</td><td>")
        if let verified = record.lastVerification {
            html.raw(verified.event == "verified ok" ? "<span class=\"fixity ok\">" : "<span class=\"fixity bad\">")
            html.text(verified.event)
            html.raw("</span>")
            let when = [verified.at.isEmpty ? "" : ReportContent.longDate(verified.at), verified.by].filter { !$0.isEmpty }
            if !when.isEmpty {
                html.raw("<div class=\"line k\">")
                html.text(when.joined(separator: ", "))
                html.raw("</div>")
            }
        } else {
            html.raw("<span class=\"k\">not verified since attached</span>")
        }
        html.raw("</td></tr>\n")
    }
}
