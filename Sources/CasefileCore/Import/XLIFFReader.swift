/// Reads an XLIFF 2.x file (core namespace `urn:oasis:names:tc:xliff:document:2.0`): one
/// `ImportedUnit` per `<unit>`, its segments' (and ignorables') sources and targets
/// joined in order, `<cp hex=…/>` as the character it stands for, the segments' least
/// advanced `state` as the status, and the Ids casefile's export writes on the unit
/// (`cf:original`, `cf:translation`; the unit's `name` as a fallback).
enum XLIFFReader {
    /// The XLIFF 2 core namespace.
    static let namespace = "urn:oasis:names:tc:xliff:document:2.0"
    /// casefile's extension namespace, for the Ids on units.
    static let casefileNamespace = "urn:casefile:xliff:1"

    /// Reads `bytes` into `batch`.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, into batch: inout ImportBatch) {
        let file = batch.file
        var units: [ImportedUnit] = []
        var problems: [Diagnostic] = []
        var root: XMLNode?
        func problem(_ node: XMLNode, _ message: String, hint: String? = nil) {
            problems.append(Diagnostic(file: file, line: node.line, column: node.column, message: message, hint: hint))
        }
        let failure = SafeXML.read(bytes, file: file, records: ["unit"], root: { root = $0 }) { node, ancestors in
            guard let top = root, top.name == "xliff", top.namespace == namespace, node.namespace == namespace else { return }
            guard let sourceLang = top.attributes["srcLang"] else { return }
            var unit = ImportedUnit(line: node.line, column: node.column)
            unit.sourceLang = sourceLang
            for (key, value) in node.attributes {
                if key.hasSuffix(":original") { unit.originalId = value }
                if key.hasSuffix(":translation") { unit.translationId = value }
            }
            unit.tuid = node.attributes["name"]
            var source = ""
            var target = ""
            var hasTarget = false
            var states: [String] = []
            var segments = 0
            for part in node.children where part.name == "segment" || part.name == "ignorable" {
                if let text = part.child("source") { source += Self.text(text) }
                if let text = part.child("target") {
                    target += Self.text(text)
                    hasTarget = true
                }
                if part.name == "segment" {
                    segments += 1
                    if let state = part.attributes["state"] { states.append(state) }
                }
            }
            guard segments > 0 else { return problem(node, "a <unit> without a <segment>") }
            let order = ["initial", "translated", "reviewed", "final"]
            if let unknown = states.first(where: { !order.contains($0) }) {
                return problem(node, "'\(unknown)' is not an XLIFF 2 segment state", hint: "state is initial, translated, reviewed or final")
            }
            // A file without states says nothing about the status: the case's stays.
            if let least = states.min(by: { (order.firstIndex(of: $0) ?? 0) < (order.firstIndex(of: $1) ?? 0) }) {
                unit.status = ["reviewed": "reviewed", "final": "final"][least] ?? "draft"
            }
            unit.variants = [ImportedVariant(lang: sourceLang, text: source)]
            if hasTarget {
                guard let targetLang = top.attributes["trgLang"] else {
                    return problem(node, "a <target> but no trgLang on <xliff>", hint: "XLIFF 2 names the target language on <xliff trgLang=…>")
                }
                unit.variants.append(ImportedVariant(lang: targetLang, text: target))
            }
            units.append(unit)
        }
        if let failure {
            batch.problems.append(failure)
            return
        }
        guard let top = root, top.name == "xliff" else {
            batch.problems.append(Diagnostic(file: file, line: 1, message: "not an XLIFF file: the document is <\(root?.name ?? "")>",
                                             hint: "import tmx reads TMX; import xliff reads XLIFF 2.0"))
            return
        }
        guard top.namespace == namespace, top.attributes["version"]?.hasPrefix("2.") == true else {
            let version = top.attributes["version"] ?? "without a version"
            batch.problems.append(Diagnostic(file: file, line: top.line, column: 1, message: "XLIFF \(version) is not read, only XLIFF 2",
                                             hint: "save the file as XLIFF 2.0 in your CAT tool, or use its TMX"))
            return
        }
        if top.attributes["srcLang"] == nil {
            batch.problems.append(Diagnostic(file: file, line: top.line, column: 1, message: "<xliff> has no srcLang",
                                             hint: "XLIFF 2 requires srcLang on <xliff>"))
            return
        }
        batch.take(units, problems, from: bytes, noneFound: "the XLIFF holds no <unit>")
    }

    /// The text of a `<source>` or `<target>`: character data, `<cp hex>` as its character,
    /// the text inside `<pc>` and `<mrk>`; placeholders (`<ph>`, `<sc>`, `<ec>`) have none.
    static func text(_ node: XMLNode) -> String {
        var text = ""
        for item in node.items {
            switch item {
            case .text(let part): text += part
            case .element(let child):
                if child.name == "cp", let hex = child.attributes["hex"], let value = UInt32(hex, radix: 16),
                   let scalar = Unicode.Scalar(value) {
                    text.unicodeScalars.append(scalar)
                } else if child.name == "pc" || child.name == "mrk" {
                    text += Self.text(child)
                }
            }
        }
        return text
    }
}
