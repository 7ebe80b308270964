import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The lock cannot be abused (a symbolic link or a folder planted in its place) or
/// bypassed (another name for the file, another user, `open` and `save --as` in a shell).
@Suite(.serialized) struct LockAbuseTests {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("kb.rec")
        try Data(CaseWriter.bytes(of: FaultCase.make(entries: 20))).write(to: URL(fileURLWithPath: path))
    }

    /// A notebook that locks what it opens, as the shell's does.
    func shell(_ file: String) throws -> Notebook {
        let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        notebook.locksFiles = true
        try notebook.open(path: file)
        return notebook
    }

    @Test func aLockThatIsASymbolicLinkIsNeverWrittenThrough() throws {
        let victim = try folder.write("victim", "precious\n")
        try FileManager.default.createSymbolicLink(atPath: CaseLock.path(for: path), withDestinationPath: victim)
        let script = try folder.write("tag.cf", "tag p000001 detained\n")
        let run = try CasefileBinary.run(["run", path, script], timeout: 60)
        #expect(run.status == 1)
        #expect(run.stderr.contains("not a regular file: a symbolic link"), "\(run.stderr)")
        let notebook = try shell(path)
        #expect(notebook.readOnlyReason?.contains("not a regular file: a symbolic link") == true)
        #expect(notebook.runScript("tag p000001 detained", name: "t").errors.first?.contains("read-only") == true)
        notebook.releaseLock()
        #expect(try folder.read("victim") == "precious\n")
        #expect(SpecialFiles.type(of: CaseLock.path(for: path)) == S_IFLNK)
    }

    @Test func aLockThatIsAFolderOrAHardLinkOpensReadOnlyAndTouchesNoJournal() throws {
        try FileManager.default.createDirectory(atPath: CaseLock.path(for: path), withIntermediateDirectories: false)
        let notebook = try shell(path)
        #expect(notebook.readOnlyReason?.contains("not a regular file: a directory") == true, "\(notebook.readOnlyReason ?? "")")
        #expect(!notebook.runScript("tag p000001 detained", name: "t").errors.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: Journal.path(for: path)))
        try FileManager.default.removeItem(atPath: CaseLock.path(for: path))

        let other = try folder.write("other", "someone's file\n")
        try FileManager.default.linkItem(atPath: other, toPath: CaseLock.path(for: path))
        let linked = try shell(path)
        #expect(linked.readOnlyReason?.contains("hard links") == true, "\(linked.readOnlyReason ?? "")")
        #expect(try folder.read("other") == "someone's file\n")
    }

    @Test func everyNameOfTheFileFindsTheSameLock() throws {
        let first = try shell(path)
        #expect(first.readOnlyReason == nil)
        let symlink = folder.file("link.rec")
        try FileManager.default.createSymbolicLink(atPath: symlink, withDestinationPath: path)
        #expect(CaseLock.path(for: symlink) == CaseLock.path(for: path))
        #expect(Journal.path(for: symlink) == Journal.path(for: path))
        let throughLink = try shell(symlink)
        #expect(throughLink.readOnlyReason?.contains("is open in another casefile (pid \(getpid())") == true)
        let hard = folder.file("hard.rec")
        try FileManager.default.linkItem(atPath: path, toPath: hard)
        let throughHardLink = try shell(hard)
        #expect(throughHardLink.readOnlyReason?.contains("a hard link to the same file") == true,
                "\(throughHardLink.readOnlyReason ?? "none")")
        // The holder saves (a new inode): the lock follows the file.
        try FileManager.default.removeItem(atPath: hard)
        #expect(first.runScript("tag p000001 detained\nsave", name: "t").errors.isEmpty)
        let after = try shell(symlink)
        #expect(after.readOnlyReason != nil)
        first.releaseLock()
        #expect(!FileManager.default.fileExists(atPath: CaseLock.path(for: path)))
        let free = try shell(symlink)
        #expect(free.readOnlyReason == nil)
    }

    @Test func openNewAndSaveAsTakeTheLockOfTheirFile() throws {
        let other = folder.file("b.rec")
        try Data(CaseWriter.bytes(of: FaultCase.make(entries: 10))).write(to: URL(fileURLWithPath: other))
        let holder = try shell(other)
        let notebook = try shell(path)
        #expect(FileManager.default.fileExists(atPath: CaseLock.path(for: path)))
        #expect(notebook.runScript("open \(other)", name: "t").errors.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: CaseLock.path(for: path)), "the old file's lock was kept")
        #expect(notebook.readOnlyReason?.contains("is open in another casefile") == true)
        #expect(notebook.runScript("tag p000001 detained", name: "t").errors.first?.contains("read-only") == true)
        holder.releaseLock()
        #expect(notebook.runScript("open \(path)", name: "t").errors.isEmpty)
        #expect(notebook.readOnlyReason == nil, "readOnlyReason stayed after opening a writable case")

        // new, then save --as a file another casefile holds: refused; a free one: locked.
        let again = try shell(other)
        #expect(notebook.runScript("new Fresh\nadd person \"Nurali Aitelenov\"", name: "t").errors.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: CaseLock.path(for: path)))
        let refused = notebook.runScript("save --as \(other) --force", name: "t")
        #expect(refused.errors.first?.contains("is open in another casefile") == true, "\(refused.errors)")
        let third = folder.file("c.rec")
        #expect(notebook.runScript("save --as \(third)", name: "t").errors.isEmpty)
        let lockText = try String(contentsOfFile: CaseLock.path(for: third), encoding: .utf8)
        #expect(lockText.contains("pid \(getpid())"))
        _ = again
    }

    @Test func releasingNeverRemovesALockSomeoneElseTookSince() throws {
        // A case not saved yet: only the lock file says who holds it.
        let path = folder.file("new.rec")
        guard case .success(let lock) = CaseLock.acquire(for: path, now: "now") else {
            Issue.record("could not take the lock")
            return
        }
        // Someone removed the lock file and another casefile made a new one.
        unlink(lock.path)
        guard case .success(let newer) = CaseLock.acquire(for: path, now: "later") else {
            Issue.record("a removed lock file was not taken anew")
            return
        }
        lock.release()
        #expect(FileManager.default.fileExists(atPath: newer.path), "release removed another holder's lock")
        // With the case on disk, its inode is locked too: a lock file removed under a
        // holder does not let a second one in.
        guard case .success(let holder) = CaseLock.acquire(for: self.path, now: "now") else {
            Issue.record("could not take the lock")
            return
        }
        unlink(holder.path)
        var refused = false
        if case .failure(.held(let other)) = CaseLock.acquire(for: self.path, now: "later") { refused = other.otherName }
        #expect(refused, "a second lock was taken on a case whose lock file was removed under its holder")
        holder.release()
        newer.release()
        #expect(!FileManager.default.fileExists(atPath: newer.path))
    }

    @Test func aSaveOverAFileChangedOnDiskOffersTheDiffFirst() throws {
        let notebook = try shell(path)
        #expect(notebook.runScript("tag p000001 detained", name: "t").errors.isEmpty)
        var changed = try CaseReader.load(path: path).caseFile
        changed.header.set("Title", "Changed elsewhere")
        // Written as editors and casefile write (a new file renamed over it): a rewrite in
        // place is refused differently (RewrittenUnderMappingTests).
        try Data(CaseWriter.bytes(of: changed)).write(to: URL(fileURLWithPath: path), options: .atomic)
        let error = try #require(notebook.runScript("save", name: "t").errors.first)
        #expect(error.contains("diff --disk"))
        #expect(error.contains("dropping the other writer's changes"))
        let hint = try #require(error.range(of: "diff --disk"))
        let force = try #require(error.range(of: "save --force"))
        #expect(hint.lowerBound < force.lowerBound)
    }

    static var isRoot: Bool { getuid() == 0 }

    @Test(.enabled(if: isRoot, "needs root to run casefile as a second user (setpriv --reuid=65534)"))
    func aSecondUserWhoCannotWriteTheLockStillSeesTheHolder() throws {
        let setpriv = try #require(ProcessRunner.which("setpriv"), "setpriv (util-linux) is needed")
        chmod(folder.path, 0o755)
        let holder = try shell(path)
        let script = try folder.write("tag.cf", "tag p000001 detained\n")
        let binary = try CasefileProcess.binary()
        let run = try ProcessRunner.run(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", binary, "run", path, script],
                                        environment: ["HOME": "/nonexistent"], timeout: 60)
        #expect(run.status == 1)
        #expect(run.stderr.contains("is open in another casefile (pid \(getpid())"), "\(run.stderr)")
        _ = holder
    }
}
