/// What `check` says about the form of a file that casefile reads but recutils does not
/// (or reads differently): a byte-order mark, CR LF line ends.
enum FileFormNotes {
    static func notes(file: String, byteOrderMark: Bool, crlf: Bool) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        if byteOrderMark {
            notes.append(Diagnostic(file: file, line: 1, column: 1, severity: .warning,
                                    message: "the file starts with a UTF-8 byte-order mark, which recutils refuses ('expected a record')",
                                    hint: "casefile skipped it; 'casefile fmt' removes it"))
        }
        if crlf {
            notes.append(Diagnostic(file: file, line: 1, column: 1, severity: .warning,
                                    message: "the lines end in CR LF; recutils reads each CR as the last character of a value",
                                    hint: "casefile read the lines without the CR; 'casefile fmt' rewrites them with LF"))
        }
        return notes
    }
}
