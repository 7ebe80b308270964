/// GNU recutils as an oracle: does real `recfix` accept a file, and what does real
/// `recsel` read back from it.
public enum Recutils {
    /// The path of `recsel`, or nil when recutils is not installed.
    public static let recsel = ProcessRunner.which("recsel")
    /// The path of `recfix`, or nil when recutils is not installed.
    public static let recfix = ProcessRunner.which("recfix")

    /// Whether both tools are installed (tests that need them are skipped otherwise).
    public static var isAvailable: Bool {
        let available = recsel != nil && recfix != nil
        if !available { print("note: recutils (recsel, recfix) not installed; recutils oracle tests skipped") }
        return available
    }

    /// The output of `recsel -t TYPE -P FIELD path`, as bytes.
    public static func values(of field: String, type: String, in path: String) throws -> ProcessOutput {
        try ProcessRunner.run(recsel ?? "recsel", ["-t", type, "-P", field, path])
    }

    /// What `recsel -P` prints for records holding `values` (one list per record, records
    /// without the field omitted): each value and a newline, a blank line between records.
    public static func expectedOutput(_ records: [[String]]) -> [UInt8] {
        var out: [UInt8] = []
        var first = true
        for values in records where !values.isEmpty {
            if !first { out.append(0x0A) }
            first = false
            for value in values {
                out.append(contentsOf: value.utf8)
                out.append(0x0A)
            }
        }
        return out
    }

    /// `recfix --check path`.
    public static func check(_ path: String) throws -> ProcessOutput {
        try ProcessRunner.run(recfix ?? "recfix", ["--check", path])
    }
}
