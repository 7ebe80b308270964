import ArgumentParser
import CasefileCore

/// `casefile fmt [--check] FILE...`: rewrites case files in canonical form, atomically.
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite case files in canonical form (atomically).",
        discussion: "With --check, nothing is written: the files that are not canonical are named and the exit status is 1."
    )

    @Flag(help: "Only report the files that are not in canonical form.")
    var check = false

    @Argument(help: "The case files to format.", completion: .file(extensions: ["rec"]))
    var files: [String]

    func run() throws {
        var failed = false
        var trouble = false
        for file in files {
            do {
                if SafeOpen.handedDescriptor(file) != nil {
                    // fmt rewrites files in place: a stream has no place to write back to.
                    throw StorageError.notRegular(path: file, kind: .fifo)
                }
                let result = try CaseReader.load(path: file)
                defer { ExitWithoutTeardown.keep(result) }
                if result.isWrittenCanonically(at: file) { continue }
                if check {
                    print("\(Terminal.fileName(file)): not canonical")
                    failed = true
                } else {
                    // The values not changed are read from the file while it is written anew.
                    guard result.sourceIsIntact else { throw StorageError.changedWhileRead(path: file) }
                    try result.write(to: file)
                    print("\(Terminal.fileName(file)): reformatted")
                }
            } catch let error as LoadError {
                if ExitStatus.of(error) == .trouble { trouble = true } else { failed = true }
                FileHandleOutput.standardError.write(LoadErrorReport.text(of: error, file: file))
            } catch let error as StorageError {
                trouble = true
                FileHandleOutput.standardError.write("casefile: \(Terminal.visible(error.description))\n")
            }
        }
        if trouble { throw ExitStatus.trouble.exit }
        if failed { throw ExitStatus.no.exit }
    }
}
