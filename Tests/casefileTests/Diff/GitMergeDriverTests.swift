import Foundation
import Testing
import CasefileTestSupport

/// `casefile merge` as git's merge driver, with real git, on branches that conflict: the
/// merged file's log explains it, before and after the README's resolution steps.
@Suite struct GitMergeDriverTests {
    let recipe = GitRecipeTests()

    func git(_ arguments: [String], in folder: TemporaryFolder) throws -> ReviewCLI.Result {
        try recipe.git(arguments, in: folder.path)
    }

    /// A repository whose case is `start`, then `ours` on the main branch and `theirs` on
    /// a branch, merged through the driver. Returns the folder and git's merge result.
    func merged(start: String, ours: String, theirs: String) throws -> (TemporaryFolder, ReviewCLI.Result) {
        let folder = try TemporaryFolder()
        _ = try git(["init", "-q"], in: folder)
        _ = try git(["config", "merge.casefile.driver", "CASEFILE_USER=merger SOURCE_DATE_EPOCH=1764100000 \(ReviewCLI.binary) merge %O %A %B -o %A"], in: folder)
        try folder.write(".gitattributes", "*.rec merge=casefile\n")
        let path = folder.file("case.rec")
        try ReviewCLI.build(path, "new Bloggers\n" + start)
        _ = try git(["add", "."], in: folder)
        _ = try git(["commit", "-qm", "start"], in: folder)
        _ = try git(["checkout", "-qb", "theirs"], in: folder)
        try ReviewCLI.build(path, theirs, time: 1_764_080_000, user: "bo", message: "theirs")
        _ = try git(["commit", "-qam", "theirs"], in: folder)
        _ = try git(["checkout", "-q", "-"], in: folder)
        try ReviewCLI.build(path, ours, time: 1_764_090_000, message: "ours")
        _ = try git(["commit", "-qam", "ours"], in: folder)
        return (folder, try git(["merge", "-q", "-m", "merge", "theirs"], in: folder))
    }

    /// The merged file replays, passes check, and after a fix in the shell, a save and a
    /// commit (the README's steps) still replays.
    func expectHonestLog(_ folder: TemporaryFolder, fix: String?) throws {
        let path = folder.file("case.rec")
        let check = try ReviewCLI.run(["revision", "--check", path])
        #expect(check.status == 0, "\(check.err)")
        #expect(try ReviewCLI.run(["revision", path, "1"]).status == 0)
        guard let fix else { return }
        try ReviewCLI.build(path, fix, time: 1_764_110_000, message: "resolved")
        _ = try git(["commit", "-qam", "resolved"], in: folder)
        let again = try ReviewCLI.run(["revision", "--check", path])
        #expect(again.status == 0, "\(again.err)")
    }

    @Test func setAgainstSetKeepsOursAndTheLogExplainsIt() throws {
        guard FileManager.default.isExecutableFile(atPath: GitRecipeTests.git) else { return }
        let (folder, merge) = try merged(start: "add person \"Rinat Kibraev\"\n",
                                         ours: "set kibraev role=blogger\n", theirs: "set kibraev role=journalist\n")
        #expect(merge.status != 0)
        #expect((merge.out + merge.err).contains("CONFLICT: person kibraev (changed on both sides; ours kept)"))
        let log = try ReviewCLI.run(["log", "-v", folder.file("case.rec")])
        #expect(log.out.contains("merge of their revisions 2 by bo (theirs); kept ours: person kibraev"), "\(log.out)")
        try expectHonestLog(folder, fix: "set kibraev role=journalist\n")
    }

    @Test func addAddOfOneIdAsDifferentKindsNamesTheKindKept() throws {
        guard FileManager.default.isExecutableFile(atPath: GitRecipeTests.git) else { return }
        let (folder, merge) = try merged(start: "add person \"Rinat Kibraev\"\n", ours: "add person \"Dup\" id=dup\n",
                                         theirs: "add source \"Dup\" id=dup\n")
        #expect(merge.status != 0)
        #expect((merge.out + merge.err).contains("CONFLICT: person dup (theirs is a source with the same Id; ours kept)"),
                "\(merge.out)\(merge.err)")
        try expectHonestLog(folder, fix: "add source \"Dup\" id=dup-source\n")
    }

    @Test func renameAgainstSet() throws {
        guard FileManager.default.isExecutableFile(atPath: GitRecipeTests.git) else { return }
        let (folder, merge) = try merged(start: "add person \"Rinat Kibraev\"\n",
                                         ours: "rename kibraev rinat\n", theirs: "set kibraev role=blogger\n")
        _ = merge
        try expectHonestLog(folder, fix: "tag rinat checked\n")
    }

    @Test func removeAgainstLink() throws {
        guard FileManager.default.isExecutableFile(atPath: GitRecipeTests.git) else { return }
        let (folder, merge) = try merged(start: "add person \"Rinat Kibraev\"\nadd person \"Nurali Aitelenov\"\n",
                                         ours: "rm kibraev\n", theirs: "link aitelenov detained-with kibraev\n")
        #expect((merge.out + merge.err).contains("CONFLICT: link aitelenov detained-with kibraev (theirs links kibraev, which ours removed; ours kept)"),
                "\(merge.out)\(merge.err)")
        try expectHonestLog(folder, fix: "tag aitelenov checked\n")
    }

    @Test func changesToDifferentEntriesMergeCleanlyAndReplay() throws {
        guard FileManager.default.isExecutableFile(atPath: GitRecipeTests.git) else { return }
        let (folder, merge) = try merged(start: "add person \"Rinat Kibraev\"\n",
                                         ours: "add person \"Nurali Aitelenov\"\nannotate kibraev \"seen\"\n",
                                         theirs: "add post kibraev 2014-02-04 \"Завтра\" lang=ru\nlink kibraev mentions kibraev-2014-02-04\n")
        #expect(merge.status == 0, "\(merge.out)\(merge.err)")
        try expectHonestLog(folder, fix: nil)
    }
}
