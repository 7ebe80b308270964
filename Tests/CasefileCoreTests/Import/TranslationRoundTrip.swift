import CasefileCore
import CasefileTestSupport
import Testing

/// What the TMX and XLIFF round trips share: the example with one post still to
/// translate, exported; and the entry-by-entry comparison after the import.
enum TranslationRoundTrip {
    static let example = SharedFixtures.packageRoot + "/Examples/kazakh-bloggers/kazakh-bloggers.rec"
    static let newPost = "Сегодня блогеров снова позвали к акиму."

    /// A harness on the example plus `extremkz-2014-02-06` (untranslated), and the path of
    /// its export as `format` into the harness's folder.
    static func exported(_ format: String, file: String) throws -> (harness: ImportHarness, path: String) {
        let harness = try ImportHarness(caseFile: try CaseReader.load(path: example).caseFile)
        harness.expectSuccess("add post @extremkz 2014-02-06 lang=ru \"\(newPost)\"")
        let path = harness.folder.file(file)
        harness.expectSuccess("export \(format) --out \(path)")
        return (harness, path)
    }

    /// Expects every entry of `before` unchanged in `after` but for the fields `changes`
    /// sets, and `added` more entries; links unchanged.
    static func expectOnly(_ changes: [String: [(field: String, value: String)]], added: Int, before: CaseFile, after: CaseFile,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(after.count == before.count + added, sourceLocation: sourceLocation)
        for (id, entry) in before.entries {
            var expected = entry
            for change in changes[id] ?? [] { expected.set(change.field, change.value) }
            #expect(after.entries[id] == expected, "\(id)", sourceLocation: sourceLocation)
        }
        #expect(after.links == before.links, sourceLocation: sourceLocation)
    }

    /// Expects `import FORMAT` of a file holding `text` to fail with `message` at `location`,
    /// the example case untouched.
    static func expectRefused(_ format: String, file: String, text: String, location: String, message: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let harness = try ImportHarness(caseFile: try CaseReader.load(path: example).caseFile)
        let before = harness.notebook.caseFile
        let path = try harness.folder.write(file, text)
        let errors = harness.run("import \(format) \(path)").errors.joined(separator: "\n")
        #expect(errors.contains(location) && errors.contains(message), "\(errors)", sourceLocation: sourceLocation)
        #expect(!errors.contains("root:"), "a file's content leaked: \(errors)", sourceLocation: sourceLocation)
        #expect(harness.notebook.caseFile == before, sourceLocation: sourceLocation)
    }

    /// Expects the hostile case exported as `format` (with `options`) and imported back to
    /// come back unchanged; returns the exported text.
    @discardableResult
    static func expectUnchanged(_ format: String, options: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let harness = try ImportHarness(caseFile: try ExportFixtures.hostile())
        let before = harness.notebook.caseFile
        let path = harness.folder.file("hostile." + format)
        harness.expectSuccess("export \(format) \(options) --out \(path)", sourceLocation: sourceLocation)
        let printed = harness.expectSuccess("import \(format) \(path)", sourceLocation: sourceLocation)
        #expect(printed.hasPrefix("nothing new"), "\(printed)", sourceLocation: sourceLocation)
        #expect(harness.notebook.caseFile == before, sourceLocation: sourceLocation)
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}
