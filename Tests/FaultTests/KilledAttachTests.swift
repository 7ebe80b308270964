import CasefileCore
import CasefileTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `attach` of a large file, killed at random moments: the store holds no partial copy,
/// every file in it is whole (its name is its SHA-256), and every evidence record (saved,
/// or recovered from the journal) finds its file whole.
@Suite(.serialized) struct KilledAttachTests {
    @Test func aKilledAttachLeavesNoPartialFileAndNoRecordWithoutItsFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("case.rec")
        let environment = ["SOURCE_DATE_EPOCH": "1764072000", "CASEFILE_USER": "fault"]
        let setUp = try CasefileBinary.run(["run", path, "-"], environment: environment, stdin: """
            add person "Nurali Aitelenov" handle=@extremkz
            add post @extremkz 2014-02-04 "Завтра" lang=ru
            """)
        try #require(setUp.status == 0, "\(setUp.stderr)")
        let old = try FileBytes.read(path)
        let video = folder.file("video.mp4")
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var generator = SeededGenerator(seed: 42)
        for index in block.indices { block[index] = UInt8.random(in: 0...255, using: &generator) }
        #expect(FileManager.default.createFile(atPath: video, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: video))
        for number in 0..<300 {
            block[0] = UInt8(number & 0xFF)
            block[1] = UInt8(number >> 8)
            try handle.write(contentsOf: block)
        }
        try handle.close()
        let expected = try EvidenceStore.hashInPlace(video).hash
        let script = "attach extremkz-2014-02-04 \(video) captured=2014-02-04T13:05:00Z\n"
        let store = EvidenceStore(casePath: path)

        func reset() throws {
            try Data(old).write(to: URL(fileURLWithPath: path))
            unlink(Journal.path(for: path))
            if FileManager.default.fileExists(atPath: store.folder) {
                for name in try FileManager.default.contentsOfDirectory(atPath: store.folder) {
                    unlink(store.folder + "/" + name)
                }
            }
        }
        let started = Date()
        let clean = try CasefileBinary.run(["run", path, "-"], environment: environment, stdin: script)
        let duration = Date().timeIntervalSince(started)
        try #require(clean.status == 0, "\(clean.stderr)")
        #expect(store.storedHashes() == [expected])

        var random = SeededGenerator(seed: UInt64(Date().timeIntervalSince1970))
        var outcomes: [String: Int] = [:]
        // Spread over the run (copy, fsync, link, journal, save) and a little past its end.
        for fraction in [0.05, 0.25, 0.45, 0.65, 0.8, 0.9, 0.97, 1.05] {
            try reset()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try BuiltProducts.path(of: "casefile"))
            process.arguments = ["run", path, "-"]
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            let input = try folder.write("script.cf", script)
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(duration * (fraction + Double.random(in: -0.03..<0.03, using: &random)) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let names = (try? FileManager.default.contentsOfDirectory(atPath: store.folder)) ?? []
            #expect(names.allSatisfy(EvidenceStore.isHash), "a partial file was left: \(names)")
            for name in names where EvidenceStore.isHash(name) {
                #expect(try EvidenceStore.hashInPlace(store.path(of: name)).hash == name, "a stored file is not whole")
            }
            // Whatever records survived (saved, or in the journal) find their file whole.
            let notebook = Notebook(output: BufferOutput(), settings: FaultCase.settings)
            try notebook.open(path: path)
            if notebook.pendingJournal != nil { #expect(notebook.runScript("recover", name: "test").errors.isEmpty) }
            let records = notebook.caseFile.evidence(on: "extremkz-2014-02-04")
            for record in records {
                #expect(store.verify(record).isOK, "a record without its whole file")
            }
            let state = records.isEmpty ? (names.isEmpty ? "nothing" : "a whole file, no record yet") : "record and file"
            outcomes[state, default: 0] += 1
        }
        print("attach of 300 MB killed 8 times: \(outcomes)")
    }
}
