import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// An evidence store on a full disk or a read-only one: a clear error, no record, and no
/// file (partial or whole) left in the store.
@Suite(.serialized) struct EvidenceStoreFaultTests {
    static func attach(on disk: String, fileOfKilobytes size: Int, capture folder: TemporaryFolder) throws
        -> (errors: [String], notebook: Notebook) {
        let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
        notebook.journaling = false
        try notebook.open(path: disk + "/case.rec")
        let capture = folder.file("video.mp4")
        try Data((0..<(size * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: capture))
        let report = notebook.runScript("""
            add person "Nurali Aitelenov" handle=@extremkz
            add post @extremkz 2014-02-04 "Завтра" lang=ru
            attach extremkz-2014-02-04 \(capture)
            """, name: "test")
        return (report.errors, notebook)
    }

    @Test(.enabled(if: FaultMounts.canMount, "needs root to mount a small tmpfs"))
    func aFullStore() throws {
        let folder = try TemporaryFolder()
        let disk = folder.file("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        try FaultMounts.mountSmallDisk(at: disk, kilobytes: 512)
        defer { FaultMounts.unmount(disk) }
        let (errors, notebook) = try Self.attach(on: disk, fileOfKilobytes: 2048, capture: folder)
        let error = try #require(errors.first)
        #expect(error.contains("cannot write to the evidence store \(disk)/case.evidence (write: No space left on device); nothing was stored"), "\(error)")
        #expect(error.contains("free some space on that disk and attach again"))
        #expect(notebook.caseFile.count(of: .evidence) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk + "/case.evidence").isEmpty)
    }

    @Test(.enabled(if: FaultMounts.canMakeReadOnly, "needs a user other than root, or root to mount"))
    func aReadOnlyStore() throws {
        let folder = try TemporaryFolder()
        let disk = folder.file("disk")
        try FileManager.default.createDirectory(atPath: disk + "/case.evidence", withIntermediateDirectories: true)
        let restore = try FaultMounts.makeReadOnly(disk)
        defer { restore() }
        let (errors, notebook) = try Self.attach(on: disk, fileOfKilobytes: 4, capture: folder)
        let error = try #require(errors.first)
        #expect(error.contains("cannot write to the evidence store \(disk)/case.evidence"), "\(error)")
        #expect(error.contains("make the store writable"), "\(error)")
        #expect(notebook.caseFile.count(of: .evidence) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk + "/case.evidence").isEmpty)
    }
}
