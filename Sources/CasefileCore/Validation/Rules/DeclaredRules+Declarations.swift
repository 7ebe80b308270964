#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension DeclaredRules {
    /// The descriptor lines of each type, with external descriptors merged in.
    struct Declarations {
        var lines: [String: [RecordSetRules.Line]] = [:]
        /// The `%rec:` line of each type's first descriptor.
        var firstLine: [String: Int] = [:]
    }

    static func declarations(_ locations: RecordLocations, file: String, directory: String?,
                             problems: inout [Diagnostic]) -> Declarations {
        var result = Declarations()
        var count: [String: Int] = [:]
        for place in locations.descriptors where !place.type.isEmpty && place.type != "Casefile" {
            let type = place.type
            let recLine = Int(place.fieldLines.first ?? 0)
            count[type, default: 0] += 1
            if let first = result.firstLine[type] {
                problems.append(Diagnostic(file: file, line: recLine, column: 1, severity: .warning,
                                           message: "a second '%rec: \(type)' descriptor (the first is at line \(first)); recutils refuses the file ('duplicated record set')",
                                           hint: "casefile reads both as one type; 'casefile fmt' merges them into one section"))
            } else {
                result.firstLine[type] = recLine
            }
            let descriptor = count[type] ?? 1
            let generated = Kind(rawValue: type).map { Schema.of($0).descriptor } ?? []
            var lines: [RecordSetRules.Line] = []
            for (field, line) in zip(place.fields, place.fieldLines) where !generated.contains(field) {
                lines.append(RecordSetRules.Line(field: field, file: file, line: Int(line), descriptor: descriptor))
            }
            // A known kind's %rec line is casefile's own; a foreign one is checked.
            if !generated.isEmpty { lines.removeAll { $0.field.name == "%rec" } }
            if let first = place.fields.first, let source = RecordType.source(of: first.value) {
                lines += external(type: type, source: source, directory: directory, file: file, line: recLine,
                                  descriptor: descriptor, problems: &problems)
            }
            result.lines[type, default: []] += lines
        }
        return result
    }

    /// The lines of `type`'s descriptor in the file `source` names (relative to the case's folder).
    private static func external(type: String, source: String, directory: String?, file: String, line: Int,
                                 descriptor: Int, problems: inout [Diagnostic]) -> [RecordSetRules.Line] {
        if source.contains("://") {
            problems.append(Diagnostic(file: file, line: line, column: 1, severity: .warning,
                                       message: "the descriptor of \(type) is at \(source); casefile does not fetch remote descriptors, so its rules were not checked",
                                       hint: "copy the descriptor into the file, or into a local file named after the type"))
            return []
        }
        let path = source.hasPrefix("/") ? source : (directory ?? ".") + "/" + source
        let bytes: [UInt8]
        do {
            bytes = try ExternalDescriptorFile.read(path)
        } catch {
            problems.append(Diagnostic(file: file, line: line, column: 1,
                                       message: "cannot read the external descriptor of \(type): \(error.reason)",
                                       hint: "the file is looked for relative to this file's folder: \(path)"))
            return []
        }
        var lines: [RecordSetRules.Line] = []
        var found = false
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = RecordScanner(bytes: buffer, file: source)
            scanner.scan { record in
                guard record.isDescriptor, RecordType.name(of: record.fields[0].value) == type else { return }
                found = true
                for (field, fieldLine) in zip(record.fields, record.fieldLines).dropFirst() {
                    lines.append(RecordSetRules.Line(field: field, file: source, line: Int(fieldLine), descriptor: descriptor))
                }
            }
        }
        if !found {
            problems.append(Diagnostic(file: file, line: line, column: 1,
                                       message: "\(source) has no descriptor for \(type)",
                                       hint: "add '%rec: \(type)' and its rules to \(source), or remove the file name"))
        }
        return lines
    }
}

/// Reads an external descriptor file: a regular file only (never a FIFO or a device that
/// would block or never end), at most 16 MiB.
enum ExternalDescriptorFile {
    struct Failure: Error {
        var reason: String
    }

    static let limit = 16 << 20

    static func read(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw Failure(reason: "\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(reason: "\(path): \(String(cString: strerror(errno)))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw Failure(reason: "\(path) is not a regular file") }
        guard Int(info.st_size) <= limit else { throw Failure(reason: "\(path) is larger than 16 MiB") }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return systemRead(fd, base + done, buffer.count - done)
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            done += got
        }
        return Array(bytes.prefix(done))
    }
}

#if canImport(Glibc)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { Glibc.read(fd, buffer, count) }
#else
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { Darwin.read(fd, buffer, count) }
#endif
