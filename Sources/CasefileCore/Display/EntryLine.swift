import Foundation

/// One line per entry, for `list`, `untranslated` and search results:
/// `post    extremkz-2014-02-04  2014-02-04 aitelenov ru  Завтра у #Есимов‘а…`.
public enum EntryLine {
    /// The line for `entry`, cut to `width` columns.
    public static func render(_ entry: Entry, width: Int, idWidth: Int = 0) -> String {
        var parts: [String] = [TextWidth.pad(entry.kind.word, to: 11), TextWidth.pad(entry.id, to: idWidth)]
        switch entry.kind {
        case .person:
            parts.append(entry.name ?? "")
            if !entry.handles.isEmpty { parts.append(entry.handles.joined(separator: " ")) }
        case .post, .quote:
            if let date = entry["Date"] { parts.append(date) }
            if let author = entry["Author"] ?? entry["Speaker"] { parts.append(author) }
            if let lang = entry.lang { parts.append(lang) }
            parts.append(flat(entry.text ?? ""))
        case .translation:
            parts.append(entry["Of"].map { "of \($0)" } ?? "unpaired")
            if let lang = entry.lang { parts.append(lang) }
            if let status = entry["Status"] { parts.append(status) }
            parts.append(flat(entry.text ?? ""))
        case .source:
            parts.append(entry.name ?? "")
            if let published = entry["Published"] { parts.append(published) }
        case .evidence:
            parts.append(entry["On"].map { "on \($0)" } ?? "")
            parts += [entry["Name"], entry["Type"], entry["Size"].flatMap { UInt64($0) }.map(ByteSize.text)].compactMap { $0 }
        default:
            break
        }
        if !entry.tags.isEmpty { parts.append("[" + entry.tags.joined(separator: " ") + "]") }
        return TextWidth.truncate(Terminal.visible(parts.joined(separator: "  "), keepNewlines: false), to: width)
    }

    static func flat(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }
}
