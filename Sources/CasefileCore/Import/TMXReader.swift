/// Reads a TMX file (1.4b, also 1.1–1.3's `lang`): one `ImportedUnit` per `<tu>`, with the
/// Ids casefile's export writes as `<prop type="x-original">`, `x-translation` and
/// `x-status`, each `<tuv>`'s language, text (inline codes give their native text) and
/// who changed or created it.
enum TMXReader {
    /// Reads `bytes` into `batch`.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, into batch: inout ImportBatch) {
        let file = batch.file
        var units: [ImportedUnit] = []
        var problems: [Diagnostic] = []
        var headerLang: String?
        var tool: String?
        var rootName: String?
        func problem(_ node: XMLNode, _ message: String, hint: String? = nil) {
            problems.append(Diagnostic(file: file, line: node.line, column: node.column, message: message, hint: hint))
        }
        let failure = SafeXML.read(bytes, file: file, records: ["tu", "header"], root: { rootName = $0.name }) { node, ancestors in
            guard rootName == "tmx", ancestors.first?.name == "tmx" else { return }
            if node.name == "header" {
                headerLang = node.attributes["srclang"]
                if let name = node.attributes["creationtool"] {
                    tool = name + (node.attributes["creationtoolversion"].map { " " + $0 } ?? "")
                }
                return
            }
            guard ancestors.last?.name == "body" else { return problem(node, "a <tu> outside <body>") }
            var unit = ImportedUnit(line: node.line, column: node.column)
            unit.tuid = node.attributes["tuid"]
            unit.sourceLang = node.attributes["srclang"] ?? headerLang
            for prop in node.children("prop") {
                let value = prop.innerText
                switch prop.attributes["type"] {
                case "x-original": unit.originalId = value
                case "x-translation": unit.translationId = value
                case "x-status":
                    guard CaseValidator.statuses.contains(value.lowercased()) else {
                        return problem(prop, "'\(value)' is not a status",
                                       hint: "x-status is one of " + CaseValidator.statuses.joined(separator: ", "))
                    }
                    unit.status = value.lowercased()
                default: break
                }
            }
            for tuv in node.children("tuv") {
                guard let lang = tuv.attributes["xml:lang"] ?? tuv.attributes["lang"], !lang.isEmpty else {
                    return problem(tuv, "a <tuv> without xml:lang", hint: "each <tuv> names its language: <tuv xml:lang=\"en\">")
                }
                guard let seg = tuv.child("seg") else { return problem(tuv, "a <tuv> without <seg>") }
                let by = tuv.attributes["changeid"] ?? tuv.attributes["creationid"] ?? node.attributes["changeid"]
                    ?? node.attributes["creationid"]
                unit.variants.append(ImportedVariant(lang: lang, text: seg.innerText, by: by))
            }
            guard !unit.variants.isEmpty else { return problem(node, "a <tu> without any <tuv>") }
            units.append(unit)
        }
        if let failure {
            batch.problems.append(failure)
            return
        }
        if rootName != "tmx" {
            batch.problems.append(Diagnostic(file: file, line: 1, message: "not a TMX file: the document is <\(rootName ?? "")>, not <tmx>",
                                             hint: "import xliff reads XLIFF; import tmx reads TMX 1.4b"))
            return
        }
        batch.take(units, problems, from: bytes, noneFound: "the TMX holds no <tu>")
        batch.tool = tool
    }
}
