/// `export json`: the case (or the selection) as one JSON document, one entry per line.
///
/// Schema `casefile-export`, version 1:
/// ```
/// {"schema":"casefile-export","version":1,
///  "case":{"title":…,"revision":N,"saved":…,"lang":…},
///  "selection":null | {"query":…,"entries":[…],"status":[…]},
///  "people":[…],"posts":[…],"quotes":[…],"translations":[…],"sources":[…],
///  "links":[{"from","rel","to","note"}],"notes":[{"on","at","by","text"}],
///  "sessions":[{"revision","saved","by","message","summary","commands":[…]}]}
/// ```
/// An entry is `{"id":…}` and its fields under lower-case names (`author`, `lang`, `text`):
/// repeatable fields as lists under plural names (`handles`, `aliases`, `tags`, always
/// present), other fields as strings (left out when absent); fields added by hand, and
/// further values of a field that holds one, under `"extra":{"Name":[…]}`. Sessions are
/// written for the whole case only.
public enum JSONExport {
    /// The version of the schema written; a reader checks it.
    public static let version = 1

    /// Writes `set` to `out`.
    public static func write(_ set: ExportSet, to out: ExportStream) { write(set, partSize: nil, to: out) }

    /// Writes `set` to `out`, the entries, links and notes in parts of `partSize` (nil: the
    /// default) written on every core: each object depends on its record alone.
    static func write(_ set: ExportSet, partSize: Int?, to out: ExportStream) {
        let header = set.caseFile.header
        out.append("{\"schema\":\"casefile-export\",\"version\":\(version),\n\"case\":{\"title\":")
        out.appendJSONString(header.title ?? "")
        out.append(",\"revision\":\(header.revision)")
        if let saved = header.saved {
            out.append(",\"saved\":")
            out.appendJSONString(saved)
        }
        out.append(",\"lang\":")
        out.appendJSONString(header.workingLanguage)
        out.append("},\n\"selection\":")
        if let selection = set.selection {
            out.append("{\"query\":")
            out.appendJSONString(selection.query)
            out.append(",\"entries\":")
            strings(selection.entries, out)
            out.append(",\"status\":")
            strings(selection.statuses, out)
            out.append("}")
        } else {
            out.append("null")
        }
        for kind in Kind.identified {
            out.append(",\n\"\(arrayName(kind))\":[")
            let shape = Shape(Schema.of(kind))
            let entries = set.entries(of: kind)
            out.appendParts(entries.count, partSize: partSize) { range, out in
                for index in range {
                    out.append(index == 0 ? "\n" : ",\n")
                    object(id: entries[index].id, fields: entries[index].fields, shape: shape, out)
                }
            }
            out.append(entries.isEmpty ? "]" : "\n]")
        }
        out.append(",\n\"links\":[")
        let linkShape = Shape(Schema.of(.link))
        out.appendParts(set.links.count, partSize: partSize) { range, out in
            for index in range {
                let key = set.links[index]
                out.append(index == 0 ? "\n" : ",\n")
                let fields = [Field("From", key.from), Field("Rel", key.rel), Field("To", key.to)] + (set.caseFile.links[key]?.fields ?? [])
                object(id: nil, fields: fields, shape: linkShape, out)
            }
        }
        out.append(set.links.isEmpty ? "]" : "\n]")
        out.append(",\n\"notes\":[")
        let noteShape = Shape(Schema.of(.note))
        out.appendParts(set.notes.count, partSize: partSize) { range, out in
            for index in range {
                let key = set.notes[index]
                out.append(index == 0 ? "\n" : ",\n")
                var fields = [Field("On", key.on)]
                if !key.at.isEmpty { fields.append(Field("At", key.at)) }
                if !key.by.isEmpty { fields.append(Field("By", key.by)) }
                fields.append(Field("Text", key.text))
                object(id: nil, fields: fields + (set.caseFile.notes[key]?.fields ?? []), shape: noteShape, out)
            }
        }
        out.append(set.notes.isEmpty ? "]" : "\n]")
        if set.selection == nil {
            out.append(",\n\"sessions\":[")
            let sessions = set.caseFile.sessions.sorted { $0.revision < $1.revision }
            for (index, session) in sessions.enumerated() {
                out.append(index == 0 ? "\n" : ",\n")
                out.append("{\"revision\":\(session.revision)")
                for name in ["Saved", "By", "Message", "Summary"] {
                    if let value = session[name] {
                        out.append(",\"\(name.lowercased())\":")
                        out.appendJSONString(value)
                    }
                }
                out.append(",\"commands\":")
                strings(session.commands, out)
                out.append("}")
            }
            out.append(sessions.isEmpty ? "]" : "\n]")
        }
        out.append("}\n")
    }

    /// The name of the list of entries of `kind`.
    static func arrayName(_ kind: Kind) -> String { kind == .person ? "people" : kind.word + "s" }

    /// The JSON key of a field: its name in lower case, plural for a repeatable field.
    static func key(_ name: String, repeatable: Bool) -> String {
        let lower = name.prefix(1).lowercased() + name.dropFirst()
        guard repeatable else { return lower }
        return lower.hasSuffix("s") ? lower + "es" : lower + "s"
    }

    /// How records of one kind are written, worked out once per export: the known fields
    /// in order, the key written for each, and which are lists.
    struct Shape {
        let names: [String]
        let keys: [String]
        let repeatable: [Bool]

        init(_ schema: Schema) {
            names = schema.fields.filter { $0 != "Id" }
            repeatable = names.map { schema.repeatable.contains($0) }
            keys = zip(names, repeatable).map { "\"" + JSONExport.key($0, repeatable: $1) + "\":" }
        }
    }

    private static func object(id: String?, fields: [Field], shape: Shape, _ out: ExportStream) {
        out.append("{")
        var comma = false
        if let id {
            out.append("\"id\":")
            out.appendJSONString(id)
            comma = true
        }
        var extra: [(String, [String])] = []
        func addExtra(_ field: Field) {
            if let index = extra.firstIndex(where: { $0.0 == field.name }) { extra[index].1.append(field.value) } else { extra.append((field.name, [field.value])) }
        }
        // The runs of `FieldRuns`, found as the names are walked (no list of runs per entry).
        var next = 0
        for position in shape.names.indices {
            let repeatable = shape.repeatable[position]
            let name = shape.names[position]
            let start = next
            while next < fields.count && fields[next].name == name { next += 1 }
            let run = start..<next
            if run.isEmpty && !repeatable { continue }
            if comma { out.append(",") }
            comma = true
            out.append(shape.keys[position])
            if repeatable {
                out.append("[")
                for index in run {
                    if index > run.lowerBound { out.append(",") }
                    out.appendJSONString(fields[index].value)
                }
                out.append("]")
            } else {
                out.appendJSONString(fields[run.lowerBound].value)
                for index in run.dropFirst() { addExtra(fields[index]) }
            }
        }
        for field in fields[next...] { addExtra(field) }
        if !extra.isEmpty {
            out.append(comma ? ",\"extra\":{" : "\"extra\":{")
            for (index, pair) in extra.enumerated() {
                if index > 0 { out.append(",") }
                out.appendJSONString(pair.0)
                out.append(":")
                strings(pair.1, out)
            }
            out.append("}")
        }
        out.append("}")
    }

    private static func strings(_ values: [String], _ out: ExportStream) {
        out.append("[")
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(",") }
            out.appendJSONString(value)
        }
        out.append("]")
    }
}
