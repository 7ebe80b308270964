import Foundation
import Testing
import CasefileTestSupport

/// The README's git recipe, run for real in a scratch repository.
@Suite struct GitRecipeTests {
    static let git = "/usr/bin/git"

    func git(_ arguments: [String], in folder: String) throws -> ReviewCLI.Result {
        try ReviewCLI.run(arguments, program: Self.git, environment: [
            "GIT_CONFIG_NOSYSTEM": "1", "HOME": folder, "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org",
            "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org", "GIT_PAGER": "cat", "PAGER": "cat",
        ], in: folder)
    }

    /// A repository with case.rec at two revisions, configured by `configure`.
    func repository(_ configure: [[String]]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try git(["init", "-q"], in: folder.path)
        try folder.write(".gitattributes", "*.rec diff=casefile\n")
        for arguments in configure { _ = try git(arguments, in: folder.path) }
        try ReviewCLI.build(folder.file("case.rec"), "new Bloggers\nadd person \"Rinat Kibraev\"\n")
        _ = try git(["add", "."], in: folder.path)
        _ = try git(["commit", "-qm", "first"], in: folder.path)
        try ReviewCLI.build(folder.file("case.rec"), "tag kibraev detained\nadd person \"Nurali Aitelenov\"\n",
                            time: 1_764_075_600, message: "detained")
        return folder
    }

    @Test func externalDiffShowsEntries() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.git) else { return }
        let folder = try repository([["config", "diff.casefile.command", "\(ReviewCLI.binary) diff --git-external"]])
        let diff = try git(["diff"], in: folder.path)
        #expect(diff.status == 0, "\(diff.err)")
        #expect(diff.out.hasPrefix("casefile diff a/case.rec b/case.rec\n~ header\n    Revision: 1 → 2\n"))
        #expect(diff.out.contains("+ person aitelenov\n    Name: Nurali Aitelenov\n~ person kibraev\n  + Tag: detained\n"))
        #expect(diff.out.contains("+ session, revision 2\n"))
        // A new file is compared with /dev/null; plain line diffs stay one flag away.
        try ReviewCLI.build(folder.file("other.rec"), "add person \"Asem Kibraeva\"\n")
        _ = try git(["add", "other.rec"], in: folder.path)
        let added = try git(["diff", "--cached"], in: folder.path)
        #expect(added.out.contains("casefile diff a/other.rec b/other.rec\n"))
        #expect(added.out.contains("+ person kibraeva\n"))
        let plain = try git(["diff", "--no-ext-diff"], in: folder.path)
        #expect(plain.out.contains("+Tag: detained\n"))
    }

    @Test func textconvShowsFieldsNamedByTheirRecord() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.git) else { return }
        let folder = try repository([["config", "diff.casefile.textconv", "\(ReviewCLI.binary) diff --textconv"]])
        _ = try git(["commit", "-qam", "second"], in: folder.path)
        let log = try git(["log", "-p", "-1"], in: folder.path)
        #expect(log.out.contains("+person kibraev | Tag: detained\n"))
        #expect(log.out.contains("+person aitelenov | Name: Nurali Aitelenov\n"))
        #expect(log.out.contains("+session 2 | Message: detained\n"))
    }

    @Test func twoResearchersSavesMergeThroughTheDriver() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.git) else { return }
        let folder = try repository([["config", "merge.casefile.driver", "\(ReviewCLI.binary) merge %O %A %B -o %A"]])
        try folder.write(".gitattributes", "*.rec diff=casefile merge=casefile\n")
        _ = try git(["commit", "-qam", "second"], in: folder.path)
        let path = folder.file("case.rec")
        _ = try git(["checkout", "-qb", "amina"], in: folder.path)
        try ReviewCLI.build(path, "add quote kibraev \"We were detained\" lang=en\n", time: 1_764_079_200, message: "quote")
        _ = try git(["commit", "-qam", "amina"], in: folder.path)
        _ = try git(["checkout", "-q", "-"], in: folder.path)
        try ReviewCLI.build(path, "add person \"Dmitry Shchyolokov\"\n", time: 1_764_080_000, user: "bo", message: "third")
        _ = try git(["commit", "-qam", "bo"], in: folder.path)
        let merge = try git(["merge", "-q", "-m", "merge", "amina"], in: folder.path)
        #expect(merge.status == 0, "\(merge.out)\(merge.err)")
        let log = try ReviewCLI.run(["log", "-v", path])
        // Ours stays revision 3; the merge is revision 4, whose commands add their quote.
        #expect(log.out.hasPrefix("revision 4  "), "\(log.out)")
        #expect(log.out.contains("    merge of their revisions 3 by amina (quote)\n"))
        #expect(log.out.contains("    | add quote kibraev \"We were detained\" id=kibraev-q1 lang=en\n"))
        #expect(log.out.contains("revision 3  2025-11-25T14:13:20Z  by bo\n"))
        #expect(try ReviewCLI.run(["revision", "--check", path]).status == 0)
        #expect(try ReviewCLI.run(["check", path]).status == 0)

        // The same entry changed on both branches: git reports a conflict, ours is kept.
        _ = try git(["checkout", "-qb", "other", "HEAD~1"], in: folder.path)
        try ReviewCLI.build(path, "tag kibraev released\n", time: 1_764_090_000, message: "released")
        _ = try git(["commit", "-qam", "released"], in: folder.path)
        _ = try git(["checkout", "-q", "-"], in: folder.path)
        try ReviewCLI.build(path, "untag kibraev detained\n", time: 1_764_091_000, message: "untagged")
        _ = try git(["commit", "-qam", "untagged"], in: folder.path)
        let conflict = try git(["merge", "-q", "-m", "merge", "other"], in: folder.path)
        #expect(conflict.status != 0)
        #expect((conflict.out + conflict.err).contains("CONFLICT: person kibraev (changed on both sides; ours kept)"))
    }
}
