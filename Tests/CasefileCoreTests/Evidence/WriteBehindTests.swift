import CasefileTestSupport
import Foundation
import Testing
@testable import CasefileCore
#if canImport(Glibc)
import Glibc
#endif

/// Write-behind hands a copy's pages to the disk and drops them from the cache as the
/// copy goes on: dropping must never lose a byte, whatever the sizes written.
@Suite("evidence write-behind")
struct WriteBehindTests {
    @Test("a file written in uneven pieces over several strides reads back byte for byte")
    func dropsNothingUnwritten() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("copy.bin")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        try #require(descriptor >= 0)
        var generator = SeededGenerator(seed: 15)
        // Pieces of 3 MB and a byte, so no stride ends on a piece's end; 3.5 strides in all.
        let piece = (0..<(3 << 20) + 1).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let total = WriteBehind.stride * 7 / 2
        var expected: [UInt8] = []
        expected.reserveCapacity(total)
        var writeBehind = WriteBehind()
        var number: UInt8 = 0
        while expected.count < total {
            var chunk = Array(piece.prefix(total - expected.count))
            chunk[0] = number
            number &+= 1
            let failed = chunk.withUnsafeBufferPointer { AtomicFile.writeAll(descriptor, $0) }
            try #require(failed == 0)
            writeBehind.wrote(chunk.count, to: descriptor)
            expected += chunk
        }
        #expect(fsync(descriptor) == 0)
        WriteBehind.release(descriptor)
        close(descriptor)
        let read = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(read.count == total)
        #expect(read == Data(expected))
    }
}
