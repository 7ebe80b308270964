/// What an export held and where it went, in one line for the user.
public enum ExportSummary {
    /// `exported html (14 people, 7 posts, …) to k.html (23 KB)`.
    public static func text(of result: ExportResult, format: ExportFormat, set: ExportSet) -> String {
        let bytes = result.files.reduce(0) { $0 + $1.bytes }
        let size = bytes >= 10_000 ? "\(bytes / 1000) KB" : "\(bytes) bytes"
        let place = result.files.count == 1 ? result.files[0].path
            : "\(result.files.count) files in \(result.files.first.map { AtomicFile.parentFolder(of: $0.path) } ?? ".")"
        return "exported \(format.rawValue) (\(counts(set))) to \(place) (\(size))"
    }

    /// `14 people, 7 posts, 1 quote, …`, or `nothing`.
    public static func counts(_ set: ExportSet) -> String {
        var parts: [String] = []
        func add(_ count: Int, _ one: String, _ many: String) {
            if count > 0 { parts.append("\(count) \(count == 1 ? one : many)") }
        }
        add(set.entries(of: .person).count, "person", "people")
        add(set.entries(of: .post).count, "post", "posts")
        add(set.entries(of: .quote).count, "quote", "quotes")
        add(set.entries(of: .translation).count, "translation", "translations")
        add(set.entries(of: .source).count, "source", "sources")
        add(set.links.count, "link", "links")
        add(set.notes.count, "note", "notes")
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }
}
