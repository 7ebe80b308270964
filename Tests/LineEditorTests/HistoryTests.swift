import CasefileTestSupport
import Foundation
import Testing
@testable import LineEditor

struct HistoryTests {
    @Test func addTrimsTrailingSpaceSkipsBlanksAndConsecutiveDuplicates() throws {
        let history = History(path: nil)
        for line in ["show aitelenov ", "show aitelenov", "   ", "", "search Есимов", "show aitelenov"] {
            history.add(line)
        }
        #expect(history.entries == ["show aitelenov", "search Есимов", "show aitelenov"])
    }

    @Test func theFileIsWrittenOnEveryAddAndReloads() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("deep/er/history")
        let history = History(path: path)
        history.add("add person \"Нурали Айтеленов\" handle=@extremkz")
        #expect(FileManager.default.fileExists(atPath: path))
        history.add("link aitelenov detained-with kibraev")
        #expect(history.lastError == nil)

        let reloaded = History(path: path)
        #expect(reloaded.entries == [
            "add person \"Нурали Айтеленов\" handle=@extremkz", "link aitelenov detained-with kibraev",
        ])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func capacityKeepsTheNewestEntries() throws {
        let folder = try TemporaryFolder()
        let history = History(path: folder.file("history"), capacity: 3)
        for number in 1...5 { history.add("line \(number)") }
        #expect(history.entries == ["line 3", "line 4", "line 5"])
        #expect(History(path: folder.file("history"), capacity: 3).entries == ["line 3", "line 4", "line 5"])
    }

    @Test func anUnwritablePlaceIsReportedNotFatal() throws {
        let folder = try TemporaryFolder()
        try folder.write("file", "not a folder")
        let history = History(path: folder.file("file/history"))
        history.add("help")
        #expect(history.entries == ["help"])
        let error = try #require(history.lastError)
        #expect(error.contains(folder.file("file/history")))
        #expect(throws: HistoryError.self) { try history.save() }
    }

    @Test func anUnreadableFileStartsEmptyWithAnError() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("history", "this is not a libedit history\n")
        let history = History(path: path)
        #expect(history.entries.isEmpty)
        #expect(history.lastError?.contains(path) == true)
    }

    @Test func defaultPathFollowsXDGStateHomeThenHome() {
        #expect(History.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/casefile/history")
        #expect(History.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
            == "/h/.local/state/casefile/history")
        #expect(History.defaultPath(environment: ["HOME": "/home/researcher"])
            == "/home/researcher/.local/state/casefile/history")
    }
}
