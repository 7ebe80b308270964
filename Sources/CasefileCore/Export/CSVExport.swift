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
    public static func write(_ set: ExportSet, kind: Kind, to out: ExportStream) { write(set, kind: kind, partSize: nil, to: out) }

    /// Writes the table of `kind` in `set` to `out`, the records in parts of `partSize` (nil:
    /// the default) written on every core: each row depends on its record alone.
    static func write(_ set: ExportSet, kind: Kind, partSize: Int?, to out: ExportStream) {
        switch kind {
        case .link:
            row(["From", "Rel", "To", "Note"], out)
            out.appendParts(set.links.count, partSize: partSize) { range, out in
                for key in set.links[range] { row([key.from, key.rel, key.to, set.caseFile.links[key]?.note ?? ""], out) }
            }
        case .note:
            row(["On", "At", "By", "Text"], out)
            out.appendParts(set.notes.count, partSize: partSize) { range, out in
                for key in set.notes[range] { row([key.on, key.at, key.by, key.text], out) }
            }
        case .session:
            return
        default:
            let schema = Schema.of(kind)
            let entries = set.entries(of: kind)
            var extra: [String] = []
            var seen = Set(schema.fields)
            for entry in entries {
                // Known fields in canonical order come first; only the rest can be new names.
                let rest = FieldRuns.restStart(of: entry.fields, names: schema.fields)
                for field in entry.fields[rest...] where !seen.contains(field.name) {
                    seen.insert(field.name)
                    extra.append(field.name)
                }
            }
            extra.sort(by: ByteOrder.less)
            row(schema.fields + extra, out)
            let names = schema.fields.filter { $0 != "Id" }
            out.appendParts(entries.count, partSize: partSize) { range, out in
                for entry in entries[range] { record(entry, names: names, extra: extra, out) }
            }
        }
    }

    /// The row of `entry`, with a cell per name of `names`, then of `extra`.
    private static func record(_ entry: Entry, names: [String], extra: [String], _ out: ExportStream) {
        let grouped = FieldRuns(entry.fields, names: names)
        guard grouped.rest == entry.fields.count else {
            row(cells(entry, grouped, names: names, extra: extra), out)
            return
        }
        // The common record, canonical with no extra fields: cells written as they are
        // found, with no list of cells built.
        appendCell(entry.id, out)
        for run in grouped.runs {
            out.append(byte: 0x2C)
            if run.count == 1 {
                appendCell(entry.fields[run.lowerBound].value, out)
            } else if !run.isEmpty {
                appendCell(entry.fields[run].map(\.value).joined(separator: "\n"), out)
            }
        }
        for _ in extra { out.append(byte: 0x2C) }
        out.append("\r\n")
    }

    /// The cells of a record with fields out of canonical order or beyond its schema.
    private static func cells(_ entry: Entry, _ grouped: FieldRuns, names: [String], extra: [String]) -> [String] {
        var cells = [entry.id]
        cells.reserveCapacity(names.count + extra.count + 1)
        for run in grouped.runs {
            cells.append(run.count == 1 ? entry.fields[run.lowerBound].value
                         : entry.fields[run].map(\.value).joined(separator: "\n"))
        }
        // Known fields out of canonical order (a hand edit) are found by name.
        for (offset, name) in names.enumerated() where cells[offset + 1].isEmpty {
            cells[offset + 1] = entry.values(name).joined(separator: "\n")
        }
        for name in extra { cells.append(entry.values(name).joined(separator: "\n")) }
        return cells
    }

    /// One record: each cell guarded and quoted as needed, then CRLF.
    static func row(_ cells: [String], _ out: ExportStream) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(byte: 0x2C) }
            appendCell(cell, out)
        }
        out.append("\r\n")
    }

    /// Writes `cell` as `escaped(cell)` would give it, on its bytes: no new string unless
    /// it holds a NUL.
    static func appendCell(_ cell: String, _ out: ExportStream) {
        var cell = cell
        cell.withUTF8 { utf8 in
            guard let first = utf8.first else { return }
            if utf8.contains(0) {
                out.append(escaped(String(decoding: utf8, as: UTF8.self)))
                return
            }
            let guarded = first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
            let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                || (!guarded && first == 0x20) || utf8.last == 0x20
            if needsQuotes { out.append(byte: 0x22) }
            if guarded { out.append(byte: 0x27) }
            guard needsQuotes, utf8.contains(0x22) else {
                out.append(contentsOf: utf8)
                if needsQuotes { out.append(byte: 0x22) }
                return
            }
            var start = 0
            for index in utf8.indices where utf8[index] == 0x22 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...index]))
                out.append(byte: 0x22)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            out.append(byte: 0x22)
        }
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
