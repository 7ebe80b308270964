import CasefileCore
import CasefileTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A full disk without root: RLIMIT_FSIZE (with SIGXFSZ ignored) makes writes past the
/// limit fail with EFBIG, as a full disk fails them with ENOSPC. Saves and journal writes
/// are tried under the limit, then again without it; each fact is one line:
///
///     save-error MESSAGE | save-succeeded
///     unsaved true|false          the notebook still has its changes
///     disk-unchanged true|false   the file is byte for byte what it was
///     temporaries N               temporary files left beside the case
///     journal-warning true|false  a journal write failed and the user was told
///     journal-again true|false    the next change wrote the journal whole again
///     recovered-equal true|false  a second session recovering the journal has the same case
///     saved-again true|false      saving with the limit lifted worked
///     journal-removed true|false
struct FileSizeLimit {
    let casePath: String

    func run() {
        signal(SIGXFSZ, SIG_IGN)
        let output = BufferOutput()
        let notebook = Notebook(output: output, settings: FaultCase.settings)
        do { try notebook.open(path: casePath) } catch { Report.fail("open: \(error)") }
        run(notebook, "add person \"Disk Full\" id=disk-full handle=@diskfull")
        guard let before = FileManager.default.contents(atPath: casePath) else { Report.fail("cannot read the case") }
        var original = rlimit()
        getrlimit(RLIMIT_FSIZE_VALUE, &original)

        limit(UInt64(before.count / 2), original)
        do {
            try notebook.save(message: "under the limit")
            Report.line("save-succeeded")
        } catch {
            Report.line("save-error " + Report.oneLine(error.message + " / hint: " + (error.hint ?? "")))
        }
        Report.line("unsaved \(notebook.hasUnsavedChanges)")
        Report.line("disk-unchanged \(FileManager.default.contents(atPath: casePath) == before)")
        Report.line("temporaries \(temporaries())")

        // The journal is past the limit too: the next change cannot be journaled.
        let journalPath = Journal.path(for: casePath)
        let journalSize = (try? FileManager.default.attributesOfItem(atPath: journalPath)[.size] as? Int) ?? 0
        limit(UInt64(journalSize), original)
        run(notebook, "tag disk-full during")
        Report.line("journal-warning \(output.diagnostics.contains("unsaved changes are only in memory"))")
        setrlimit(RLIMIT_FSIZE_VALUE, &original)
        run(notebook, "tag disk-full after")
        Report.line("journal-again \(output.diagnostics.contains("the recovery journal is written again"))")

        let second = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        do { try second.open(path: casePath) } catch { Report.fail("second open: \(error)") }
        second.journaling = false
        let recovered = second.runScript("recover", name: "second")
        Report.line("recovered-equal \(recovered.errors.isEmpty && CaseWriter.bytes(of: second.caseFile) == CaseWriter.bytes(of: notebook.caseFile))")

        do {
            try notebook.save(message: "after the limit")
            Report.line("saved-again true")
        } catch {
            Report.line("saved-again false " + Report.oneLine(error.message))
        }
        Report.line("journal-removed \(!FileManager.default.fileExists(atPath: journalPath))")
    }

    private func run(_ notebook: Notebook, _ command: String) {
        if let error = notebook.runScript(command, name: "fsize").errors.first { Report.fail(error) }
    }

    private func limit(_ bytes: UInt64, _ original: rlimit) {
        var limited = original
        limited.rlim_cur = rlim_t(bytes)
        setrlimit(RLIMIT_FSIZE_VALUE, &limited)
    }

    private func temporaries() -> Int {
        let folder = (casePath as NSString).deletingLastPathComponent
        let name = (casePath as NSString).lastPathComponent
        let items = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return items.filter { $0.hasPrefix(".\(name).tmp-") }.count
    }
}

/// RLIMIT_FSIZE as Glibc imports it (an enum case on Linux).
#if canImport(Glibc)
let RLIMIT_FSIZE_VALUE = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
#else
let RLIMIT_FSIZE_VALUE = RLIMIT_FSIZE
#endif
