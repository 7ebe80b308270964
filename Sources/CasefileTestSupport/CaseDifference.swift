import CasefileCore

/// Says where two cases differ, so a failing round trip names the entry at fault
/// instead of printing two million-character dumps.
public enum CaseDifference {
    /// The first difference between `a` and `b`, or nil when they are equal.
    public static func first(_ a: CaseFile, _ b: CaseFile) -> String? {
        if a.header != b.header { return "header: \(a.header) != \(b.header)" }
        for id in Set(a.entries.keys).union(b.entries.keys).sorted() where a[id] != b[id] {
            return "entry \(id.debugDescription): \(describe(a[id])) != \(describe(b[id]))"
        }
        for key in Set(a.links.keys).union(b.links.keys).sorted() where a.links[key] != b.links[key] {
            return "link \(key): \(describe(a.links[key])) != \(describe(b.links[key]))"
        }
        for key in Set(a.notes.keys).union(b.notes.keys).sorted() where a.notes[key] != b.notes[key] {
            return "note \(key): \(describe(a.notes[key])) != \(describe(b.notes[key]))"
        }
        let sa = a.sessions.sorted { $0.revision < $1.revision }
        let sb = b.sessions.sorted { $0.revision < $1.revision }
        if sa != sb { return "sessions: \(sa) != \(sb)" }
        if a.foreign != b.foreign { return "foreign sections: \(a.foreign) != \(b.foreign)" }
        if a.descriptorExtras.filter({ !$0.value.isEmpty }) != b.descriptorExtras.filter({ !$0.value.isEmpty }) {
            return "descriptor extras: \(a.descriptorExtras) != \(b.descriptorExtras)"
        }
        if a.descriptorComments.filter({ !$0.value.isEmpty }) != b.descriptorComments.filter({ !$0.value.isEmpty }) {
            return "descriptor comments: \(a.descriptorComments) != \(b.descriptorComments)"
        }
        if a.trailingComments != b.trailingComments {
            return "trailing comments: \(a.trailingComments) != \(b.trailingComments)"
        }
        return a == b ? nil : "cases differ (CaseFile == is false but no difference was found)"
    }

    private static func describe<T>(_ value: T?) -> String {
        value.map { String(reflecting: $0) } ?? "nothing"
    }
}

/// Says where two byte strings (file contents) first differ, by line.
public enum ByteDifference {
    /// nil when equal; else the first differing line of each, with its number.
    public static func first(_ a: [UInt8], _ b: [UInt8]) -> String? {
        if a == b { return nil }
        let linesA = a.split(separator: 0x0A, omittingEmptySubsequences: false)
        let linesB = b.split(separator: 0x0A, omittingEmptySubsequences: false)
        for index in 0..<max(linesA.count, linesB.count) {
            let x = index < linesA.count ? String(decoding: linesA[index], as: UTF8.self) : "<end of file>"
            let y = index < linesB.count ? String(decoding: linesB[index], as: UTF8.self) : "<end of file>"
            if x != y || index >= linesA.count || index >= linesB.count {
                return "line \(index + 1): \(x.debugDescription) != \(y.debugDescription)"
            }
        }
        return "the files differ in their final newline"
    }
}
