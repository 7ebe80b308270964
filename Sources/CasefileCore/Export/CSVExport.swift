/// `export csv`: one table per kind (`person.csv`, `post.csv`, … `link.csv`, `note.csv`),
/// RFC 4180 with CRLF line ends, UTF-8, a header row of the case's field names.
///
/// Repeated values of a field (handles, aliases, tags) share one cell, one per line. A
/// cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with
/// `'`, as OWASP and Atlos advise, so no spreadsheet runs it as a formula (a handle reads
/// `'@extremkz`). A NUL, which no CSV reader takes, becomes U+FFFD.
public enum CSVExport {
    /// The kinds written, in file order: one table each.
    public static let kinds: [Kind] = [.person, .post, .quote, .translation, .source, .link, .note]

    /// The file name of `kind`'s table.
    public static func fileName(_ kind: Kind) -> String { kind.word + ".csv" }

    /// Writes the table of `kind` in `set` to `out`.
    public static func write(_ set: ExportSet, kind: Kind, to out: ExportStream) {
        switch kind {
        case .link:
            row(["From", "Rel", "To", "Note"], out)
            for key in set.links {
                row([key.from, key.rel, key.to, set.caseFile.links[key]?.note ?? ""], out)
            }
        case .note:
            row(["On", "At", "By", "Text"], out)
            for key in set.notes { row([key.on, key.at, key.by, key.text], out) }
        case .session:
            return
        default:
            let schema = Schema.of(kind)
            let entries = set.entries(of: kind)
            var extra: [String] = []
            var seen = Set(schema.fields)
            for entry in entries {
                for field in entry.fields where !seen.contains(field.name) {
                    seen.insert(field.name)
                    extra.append(field.name)
                }
            }
            extra.sort(by: ByteOrder.less)
            row(schema.fields + extra, out)
            let names = schema.fields.filter { $0 != "Id" }
            for entry in entries {
                let grouped = FieldRuns(entry.fields, names: names)
                var cells = [entry.id]
                cells.reserveCapacity(names.count + extra.count + 1)
                for run in grouped.runs {
                    cells.append(run.count == 1 ? entry.fields[run.lowerBound].value
                                 : entry.fields[run].map(\.value).joined(separator: "\n"))
                }
                // Known fields out of canonical order (a hand edit) are found by name.
                if grouped.rest < entry.fields.count {
                    for (offset, name) in names.enumerated() where cells[offset + 1].isEmpty {
                        cells[offset + 1] = entry.values(name).joined(separator: "\n")
                    }
                }
                for name in extra { cells.append(entry.values(name).joined(separator: "\n")) }
                row(cells, out)
            }
        }
    }

    /// One record: each cell guarded and quoted as needed, then CRLF.
    static func row(_ cells: [String], _ out: ExportStream) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(byte: 0x2C) }
            out.append(escaped(cell))
        }
        out.append("\r\n")
    }

    /// A cell as written: `'` before what a spreadsheet would take for a formula, and
    /// quotes around what holds a comma, a quote, a line break or edge spaces.
    public static func escaped(_ cell: String) -> String {
        // A NUL is no character a spreadsheet or Python's csv module takes.
        var text = cell.utf8.contains(0) ? String(cell.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }) : cell
        if let first = text.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first) {
            text = "'" + text
        }
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.utf8.first == 0x20 || text.utf8.last == 0x20
        guard needsQuotes else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
