// libFuzzer target for the diff path (FileComparison over RecordScan), compiled together
// with CasefileCore's sources by scripts/fuzz.sh. The input is two files separated by a
// NUL byte (without one, the second is the first without its first line).
//
// Properties, each a crash when broken so libFuzzer keeps the input:
// - diff's byte scan and the reader's scanner find the same records on the same lines,
//   with the same descriptors, on any valid UTF-8;
// - comparing any two inputs never traps, and reading only the session log never traps;
// - a file compared with itself has no difference;
// - when diff finds no difference, the reader reads both the same way: both fail, or
//   both give the same canonical bytes (diff never calls a broken file identical).

func diffFuzzRecords(_ bytes: UnsafeBufferPointer<UInt8>) -> (reader: [String], scan: [String]) {
    var scanner = RecordScanner(bytes: bytes, file: "x")
    var reader: [String] = []
    scanner.scan { record in
        reader.append("\(record.line)\(record.isDescriptor ? " %rec " + record.fields[0].value.trimmingASCIISpaces() : "")")
    }
    let scan = RecordScan(bytes: bytes)
    var found: [(Int, String)] = scan.sections.map { ($0.fieldLine, "\($0.fieldLine) %rec \($0.type)") }
    found += scan.fieldLine.map { (Int($0), "\($0)") }
    return (reader, found.sorted { $0.0 < $1.0 }.map(\.1))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func diffFuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let a: [UInt8]
    let b: [UInt8]
    if let split = input.firstIndex(of: 0) {
        a = Array(input[..<split])
        b = Array(input[(split + 1)...])
    } else {
        a = input
        b = Array(input.drop { $0 != 0x0A }.dropFirst())
    }
    a.withUnsafeBufferPointer { old in
        b.withUnsafeBufferPointer { new in
            for bytes in [old, new] {
                // (The reader drops a line that is not UTF-8, which the byte scan does not
                // look into: record boundaries are compared on valid UTF-8.)
                let (reader, scan) = diffFuzzRecords(bytes)
                if String(validating: bytes, as: UTF8.self) != nil, reader != scan {
                    fatalError("the scanners disagree:\nreader \(reader)\nscan   \(scan)")
                }
                _ = try? CaseFile.sessionsOnly(bytes, name: "x")
            }
            if let same = try? FileComparison.diff(old: old, oldName: "a", new: old, newName: "a"), !same.isEmpty {
                fatalError("a file differs from itself: \(DiffRenderer().lines(same))")
            }
            guard let diff = try? FileComparison.diff(old: old, oldName: "a", new: new, newName: "b"), diff.isEmpty else { return }
            let readA = try? CaseReader.read(bytes: old, file: "a", validate: false)
            let readB = try? CaseReader.read(bytes: new, file: "b", validate: false)
            switch (readA, readB) {
            case (nil, nil): return
            case let (x?, y?):
                if CaseWriter.bytes(of: x.caseFile) != CaseWriter.bytes(of: y.caseFile) {
                    fatalError("diff finds no difference between files that read differently")
                }
            default:
                fatalError("diff finds no difference, but only one of the files reads (\(readA == nil ? "a" : "b") fails)")
            }
        }
    }
    return 0
}
