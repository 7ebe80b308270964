/// A unit's translation matched to the case: the translation it changes (nil: a new one
/// of `original`), the original, and the file's source text.
struct UnitMatch {
    var variant: ImportedVariant
    var existing: Entry?
    var original: Entry?
    var source: ImportedVariant
}

/// Matches TMX and XLIFF units to the case: by the translation's Id when the file has it
/// (casefile's export writes it), else by the original's Id, else by the source text,
/// refusing what is ambiguous. Nothing but translations is ever changed.
struct UnitMatcher {
    let notebook: Notebook
    let file: String
    /// Originals (posts, quotes) by their text with line ends and outer blanks evened out;
    /// built on the first unit without Ids (one pass over the case).
    private var byText: [String: [String]]?

    init(notebook: Notebook, file: String) {
        self.notebook = notebook
        self.file = file
    }

    /// The matches of `unit`'s translations, or why it cannot be matched.
    mutating func matches(_ unit: ImportedUnit) -> Result<[UnitMatch], Diagnostic> {
        let entries = notebook.caseFile.entries
        func fail(_ message: String, _ hint: String?) -> Result<[UnitMatch], Diagnostic> {
            .failure(Diagnostic(file: file, line: unit.line, column: unit.column, message: message, hint: hint))
        }
        var original: Entry?
        var fixed: Entry?
        let named = unit.translationId ?? unit.tuid.flatMap { entries[$0]?.kind == .translation ? $0 : nil }
        if let named {
            guard let entry = entries[named] else {
                return fail("translation \(named) is not in the case (removed or renamed since the export?)",
                            "add it again with translate, or drop the unit's x-translation to import it as a new translation")
            }
            guard entry.kind == .translation else { return fail("\(named) is a \(entry.kind.word), not a translation", nil) }
            if let of = unit.originalId, entry["Of"] != of {
                return fail("\(named) translates \(entry["Of"] ?? "nothing") in the case, but the file pairs it with \(of)",
                            "export again, or pair it in the case first: pair \(of) \(named)")
            }
            fixed = entry
            original = entry["Of"].flatMap { entries[$0] }
        } else if let of = unit.originalId {
            guard let entry = entries[of], entry.kind != .person, entry.kind != .source, entry.text != nil else {
                return fail("the original \(of) is not a post or quote in the case", "check the unit's x-original")
            }
            original = entry
        }
        let sourceIndex = Self.sourceIndex(unit, original: original ?? fixed)
        let source = unit.variants[sourceIndex]
        let targets = unit.variants.enumerated().filter { $0.offset != sourceIndex }.map(\.element)
        if targets.isEmpty { return .success([]) }
        if let fixed {
            guard let lang = fixed.lang, let target = targets.first(where: { LanguageTag.primary($0.lang) == LanguageTag.primary(lang) }) else {
                return fail("\(fixed.id) is in \(fixed.lang ?? "no language"), but the unit has no <tuv> in it",
                            "the unit's languages: " + unit.variants.map(\.lang).joined(separator: ", "))
            }
            return .success([UnitMatch(variant: target, existing: fixed, original: original, source: source)])
        }
        if original == nil {
            let key = Self.matchKey(source.text)
            if byText == nil { byText = Self.originalsByText(notebook) }
            let found = (byText?[key] ?? []).compactMap { entries[$0] }.filter { entry in
                entry.lang.map { LanguageTag.primary($0) == LanguageTag.primary(source.lang) } ?? true
            }
            guard let first = found.first else {
                return fail("no post or quote in the case has this source text (\(source.lang))",
                            "add the original first, or name it in the unit: <prop type=\"x-original\">ID</prop>")
            }
            guard found.count == 1 else {
                let ids = found.prefix(5).map(\.id).joined(separator: ", ") + (found.count > 5 ? ", …" : "")
                return fail("the source text is that of \(found.count) entries (\(ids)): which one this translates is ambiguous",
                            "name the original in the unit: <prop type=\"x-original\">\(first.id)</prop>")
            }
            original = first
        }
        guard let original else { return .success([]) }
        var result: [UnitMatch] = []
        let queue = ReviewQueue(notebook: notebook)
        for target in targets {
            guard LanguageTag.isValid(target.lang) else {
                return fail("'\(target.lang)' is not a language tag", "use a BCP 47 tag such as ru, kk, en or en-GB")
            }
            if let own = original.lang, LanguageTag.primary(own) == LanguageTag.primary(target.lang) { continue }
            let existing = queue.translations(of: original.id).filter {
                $0.lang.map(LanguageTag.primary) == LanguageTag.primary(target.lang)
            }.sorted { $0.id < $1.id }
            guard existing.count <= 1 else {
                return fail("\(original.id) has \(existing.count) translations into \(target.lang) (\(existing.map(\.id).joined(separator: ", "))): which one this changes is ambiguous",
                            "name it in the unit: <prop type=\"x-translation\">\(existing[0].id)</prop>")
            }
            result.append(UnitMatch(variant: target, existing: existing.first, original: original, source: source))
        }
        return .success(result)
    }

    /// The source version: the one in the unit's source language, else the original's, else the first.
    static func sourceIndex(_ unit: ImportedUnit, original: Entry?) -> Int {
        let variants = unit.variants
        if let lang = unit.sourceLang, lang != "*all*",
           let index = variants.firstIndex(where: { LanguageTag.primary($0.lang) == LanguageTag.primary(lang) }) {
            return index
        }
        if let lang = original?.lang,
           let index = variants.firstIndex(where: { LanguageTag.primary($0.lang) == LanguageTag.primary(lang) }) {
            return index
        }
        return 0
    }

    /// A text as source texts are compared: CRLF as LF, blanks around it dropped.
    static func matchKey(_ text: String) -> String {
        let unified = text.utf8.contains(0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        return unified.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func originalsByText(_ notebook: Notebook) -> [String: [String]] {
        var index: [String: [String]] = [:]
        for kind in [Kind.post, .quote] {
            for id in notebook.caseFile.orderedIds(of: kind) {
                guard let text = notebook.caseFile.entries[id]?.text else { continue }
                index[matchKey(ExportStream.xmlCarried(text)), default: []].append(id)
            }
        }
        return index
    }
}

extension ImportPlanner {
    /// The problems of a batch's units against the case, before anything changes: units
    /// that match nothing or more than one entry, and a translation given two texts.
    func unitProblems(_ batch: ImportBatch) -> [Diagnostic] {
        var matcher = UnitMatcher(notebook: notebook, file: batch.file)
        var problems: [Diagnostic] = []
        var texts: [String: (text: String, line: Int)] = [:]
        for unit in batch.units {
            switch matcher.matches(unit) {
            case .failure(let problem): problems.append(problem)
            case .success(let matches):
                for match in matches where !match.variant.text.isEmpty {
                    let key = match.existing?.id ?? ((match.original?.id ?? "") + " " + LanguageTag.primary(match.variant.lang))
                    if let earlier = texts[key], earlier.text != match.variant.text {
                        problems.append(Diagnostic(file: batch.file, line: unit.line, column: unit.column,
                                                   message: "this unit gives \(match.existing?.id ?? "the translation of " + (match.original?.id ?? "?")) another text than line \(earlier.line)",
                                                   hint: "keep one of the two units"))
                    }
                    texts[key] = (match.variant.text, unit.line)
                }
            }
        }
        return problems
    }

    /// Applies a batch's units: changed texts and statuses, new translations.
    mutating func applyUnits(_ batch: ImportBatch) {
        var matcher = UnitMatcher(notebook: notebook, file: batch.file)
        var empty = 0
        for unit in batch.units {
            guard case .success(let matches) = matcher.matches(unit) else { continue }
            for match in matches {
                if match.variant.text.isEmpty {
                    empty += 1
                    continue
                }
                if let existing = match.existing {
                    change(existing, match, unit: unit, file: batch.file)
                } else if let original = match.original {
                    add(original, match, unit: unit)
                }
            }
        }
        if empty > 0 { summary.skipped.append("\(empty) unit\(empty == 1 ? "" : "s") without a translation") }
    }

    private mutating func change(_ existing: Entry, _ match: UnitMatch, unit: ImportedUnit, file: String) {
        let text = match.variant.text
        let old = existing.text ?? ""
        let same = text == old || text == ExportStream.xmlCarried(old)
        var entry = existing
        if !same { entry.set("Text", Self.unifiedLines(text)) }
        if let wanted = same ? unit.status : (unitStatus ?? unit.status), (entry["Status"] ?? "draft") != wanted {
            entry.set("Status", wanted)
        }
        guard entry != existing else {
            summary.alreadyPresent += 1
            return
        }
        notebook.put(entry)
        summary.updated[.translation, default: 0] += 1
        if let original = match.original, let source = original.text,
           UnitMatcher.matchKey(ExportStream.xmlCarried(source)) != UnitMatcher.matchKey(match.source.text) {
            notebook.remark("note: \(file):\(unit.line): the unit's source text is not \(original.id)'s text in the case (changed since the export?); \(original.id) is left as it is")
        }
        if !same { GlossaryCheck.remark(on: entry, notebook: notebook) }
    }

    private mutating func add(_ original: Entry, _ match: UnitMatch, unit: ImportedUnit) {
        let lang = Self.canonicalTag(match.variant.lang)
        let id = IdGenerator.translation(of: original.id, lang: lang, in: notebook.caseFile.entries, counters: notebook.idCounters)
        var entry = Entry(kind: .translation, id: id, fields: [Field("Of", original.id), Field("Lang", lang),
                                                                Field("Text", Self.unifiedLines(match.variant.text))])
        if let by = match.variant.by ?? translator { entry.set("By", by) }
        entry.set("Status", unitStatus ?? unit.status ?? "draft")
        notebook.put(entry)
        addedHere.insert(id)
        summary.added[.translation, default: 0] += 1
        GlossaryCheck.remark(on: entry, notebook: notebook)
    }

    static func unifiedLines(_ text: String) -> String {
        text.utf8.contains(0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }

    /// `EN-us` → `en-US`: language lower case, script title case, region upper case.
    static func canonicalTag(_ tag: String) -> String {
        tag.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { index, part in
            if index == 0 { return part.lowercased() }
            if part.count == 2 { return part.uppercased() }
            if part.count == 4 { return part.prefix(1).uppercased() + part.dropFirst().lowercased() }
            return part.lowercased()
        }.joined(separator: "-")
    }
}
