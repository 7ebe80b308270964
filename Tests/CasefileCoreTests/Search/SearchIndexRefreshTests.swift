import CasefileTestSupport
import Foundation
import Testing
@testable import CasefileCore

/// After a save in the shell, the search index of the new bytes is built and saved in the
/// background, so the next session's first search (or a one-shot `casefile search`) finds
/// it current; a script run does not spend the time.
@Suite("Search index after a save")
struct SearchIndexRefreshTests {
    /// A notebook on a saved copy of the bloggers' case, searched once (so it has an index).
    static func searchedNotebook(refreshing: Bool) throws -> (Notebook, String, TemporaryFolder) {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        try SearchFixtures.bloggers.write(to: path)
        let notebook = Notebook(output: BufferOutput(), settings: Settings(userName: "amina", fixedTime: 1_764_072_000))
        notebook.refreshesSavedSearchIndex = refreshing
        notebook.settings.cacheEnvironment = [:]
        try notebook.open(path: path)
        #expect(notebook.runInteractive("search esimov").isEmpty)
        return (notebook, path, folder)
    }

    /// A change and a save, then the background work it started, waited for.
    static func addAPostAndSave(_ notebook: Notebook) {
        #expect(notebook.runInteractive(#"add post @extremkz 2014-02-06 "Есимов снова на ланче" lang=ru"#).isEmpty)
        #expect(notebook.runInteractive("save").isEmpty)
        SearchIndexFile.waitForBackgroundWork()
    }

    static func savedIndex(_ path: String) throws -> SearchIndex? {
        let caseFile = try CaseReader.load(path: path).caseFile
        let identity = try #require(SearchIndexFile.CaseIdentity(path: path))
        return SearchIndexFile.load(for: path, caseFile: caseFile, identity: identity, environment: [:]).index
    }

    @Test func theShellsSaveLeavesAnIndexOfTheNewBytes() throws {
        let (notebook, path, folder) = try Self.searchedNotebook(refreshing: true)
        _ = folder
        Self.addAPostAndSave(notebook)
        let index = try #require(try Self.savedIndex(path), "no index for the saved bytes")
        let caseFile = try CaseReader.load(path: path).caseFile
        let query = try SearchQuery.parse("ланче")
        let expected = SearchBulkBuildTests.describe(SearchScan.search(query, in: caseFile, limit: 10))
        #expect(SearchBulkBuildTests.describe(index.search(query, in: caseFile, limit: 10)) == expected)
        #expect(expected.contains { $0.contains("extremkz-2014-02-06") }, "\(expected)")
    }

    @Test func aScriptsSaveLeavesTheOldIndexToBeRebuiltWhenNeeded() throws {
        let (notebook, path, folder) = try Self.searchedNotebook(refreshing: false)
        _ = folder
        Self.addAPostAndSave(notebook)
        #expect(try Self.savedIndex(path) == nil, "the index file is of the bytes before the save")
    }
}
