import CasefileTestSupport
import Foundation
import Testing
@testable import LineEditor

/// Lines read plainly from a pipe, as when a script is piped into the shell.
struct PlainLineReaderTests {
    /// Reads every line of `bytes` through a pipe (written from another thread, so inputs
    /// larger than the pipe's buffer work) and returns what each call produced.
    private func readAll(_ bytes: [UInt8], check: ((PlainLineReader, LineInput) -> Void)? = nil) throws -> [LineInput] {
        var fds: [Int32] = [-1, -1]
        // Close-on-exec, or programs other tests spawn meanwhile would hold the write end open.
        #expect(pipe(&fds) == 0)
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let writer = Thread { [fds] in
            var rest = bytes[...]
            while !rest.isEmpty {
                let written = rest.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
                if written <= 0 { break }
                rest = rest.dropFirst(written)
            }
            close(fds[1])
        }
        writer.start()
        defer { close(fds[0]) }
        let reader = PlainLineReader(fileDescriptor: fds[0])
        var results: [LineInput] = []
        while true {
            let input = reader.readLine(prompt: Prompt("never shown> "))
            check?(reader, input)
            results.append(input)
            if input == .endOfInput || results.count > 100 { break }
        }
        return results
    }

    @Test func linesComeBackWithoutNewlinesAndEndOfInputFollows() throws {
        let results = try readAll(Array("add person \"Нурали\"\n\nshow aitelenov\r\nlast".utf8))
        #expect(results == [
            .line("add person \"Нурали\""), .line(""), .line("show aitelenov"), .line("last"), .endOfInput,
        ])
    }

    @Test func aVeryLongLineIsReadWhole() throws {
        let long = String(repeating: "Есимов ", count: 150_000)  // about 2 MB, beyond any buffer
        let results = try readAll(Array((long + "\nnext\n").utf8))
        #expect(results == [.line(long), .line("next"), .endOfInput])
    }

    @Test func invalidUTF8IsReplacedAndReported() throws {
        var flags: [Bool] = []
        var numbers: [Int] = []
        let bytes: [UInt8] = Array("ok\n".utf8) + [0x73, 0xD0, 0x0A] + [0xFF, 0xFE, 0x0A] + Array("Есимов\n".utf8)
        let results = try readAll(bytes) { reader, input in
            if case .line = input {
                flags.append(reader.lastLineHadInvalidUTF8)
                numbers.append(reader.lineNumber)
            }
        }
        #expect(results == [.line("ok"), .line("s\u{FFFD}"), .line("\u{FFFD}\u{FFFD}"), .line("Есимов"), .endOfInput])
        #expect(flags == [false, true, true, false])
        #expect(numbers == [1, 2, 3, 4])
    }

    @Test func emptyInputIsEndOfInputAtOnce() throws {
        #expect(try readAll([]) == [.endOfInput])
    }

    @Test func demoFedFromAPipePrintsNoPrompt() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.path(of: "lineeditor-demo"))
        process.environment = ["LANG": "C.UTF-8", "TERM": "xterm"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data("show Есимов\n\thelp\nbusy-not\n".utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(String(decoding: data, as: UTF8.self) == "got: show Есимов\ngot: \thelp\ngot: busy-not\nbye\n")
        #expect(process.terminationStatus == 0)
    }
}
