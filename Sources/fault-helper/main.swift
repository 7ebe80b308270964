import CasefileCore
import CasefileTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// fault-helper: the process the fault tests (Tests/FaultTests) kill, starve of disk and
// lock out. It only does things and says what it did, one line per fact on standard
// output; the tests judge.
//
//   fault-helper generate CASE ENTRIES          the fault case of ENTRIES entries, revision 1
//   fault-helper serve CASE ENTRIES REVISIONS   the fork server (ForkServer.swift)
//   fault-helper fsize CASE                     saves under a file-size limit (FileSizeLimit.swift)

let arguments = Array(Swift.CommandLine.arguments.dropFirst())
switch arguments.first {
case "generate" where arguments.count == 3:
    guard let entries = Int(arguments[2]) else { Report.fail("generate: ENTRIES is not a number") }
    do {
        try FaultCase.make(entries: entries).write(to: arguments[1])
    } catch {
        Report.fail("generate: \(error)")
    }
case "serve" where arguments.count == 4:
    guard let entries = Int(arguments[2]), let revisions = Int(arguments[3]) else {
        Report.fail("serve: ENTRIES and REVISIONS are numbers")
    }
    // Its own process group, so a test that gives up can end the server and every child
    // it forked with one kill(2).
    _ = setpgid(0, 0)
    ForkServer(casePath: arguments[1], entries: entries, revisions: revisions).run()
case "fsize" where arguments.count == 2:
    FileSizeLimit(casePath: arguments[1]).run()
default:
    Report.fail("usage: fault-helper generate CASE ENTRIES | serve CASE ENTRIES REVISIONS | fsize CASE")
}

/// Lines on standard output, each in one write(2) so that lines from a server and its
/// children never interleave within a line.
enum Report {
    static func line(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = write(1, base + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    static func fail(_ text: String) -> Never {
        line("failed " + oneLine(text))
        exit(2)
    }

    /// `text` on one line (newlines shown as ⏎), for a report.
    static func oneLine(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ⏎ ")
    }

    /// Milliseconds on the monotonic clock.
    static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}
