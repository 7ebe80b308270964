/// `attach ENTRY FILE…`: captured files become evidence of an entry, hashed and kept in
/// the case's evidence store.
struct AttachCommand: ShellCommand {
    static let name = "attach"
    static let group = CommandGroup.files
    static let usage = "attach ENTRY FILE… [captured=DATETIME] [url=URL] [by=WHO] [note=TEXT] [--link]"
    static let summary = "Attach captured files (screenshot, HTML, PDF, WACZ, video) to an entry as evidence, with SHA-256."
    static let help = """
        Copies each FILE into the evidence store beside the case (NAME.evidence/, named by
        SHA-256, written once, read-only) and records it on ENTRY: hash, size, media type
        (from the content), file name, capture time (captured=, else the file's modification
        time, marked file-mtime), who attached it and when, and the URL it shows (url=). A
        WACZ's pages and its own declared hashes are read and recorded. --link records a
        large file where it lies, hashed but not copied. The same bytes are stored once;
        symbolic links, folders and devices are refused. sha256= attaches a file already in
        the store (the form the session log replays).
        """
    static let example = "attach extremkz-2014-02-04 tweet.png captured=2014-02-04T13:05:00Z url=https://twitter.com/extremkz"
    static let arguments = [ArgumentSpec("ENTRY", .entry), ArgumentSpec("FILE", .path, optional: true, repeating: true)]
    static let options = [
        OptionSpec("captured", .date), OptionSpec("url", .text), OptionSpec("by", .text), OptionSpec("note", .text),
        OptionSpec("at", .date), OptionSpec("id", .newId), OptionSpec("sha256", .word), OptionSpec("size", .number),
        OptionSpec("type", .word), OptionSpec("name", .text), OptionSpec("path", .path),
        OptionSpec("captured-from", .word), OptionSpec("wacz", .text), OptionSpec("page", .text, repeatable: true),
    ]
    static let flags = [FlagSpec(["--link"])]
    static let changesCase = true
    static let adds: Kind? = .evidence

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        let entry = try notebook.resolve(call.required(0))
        guard entry.kind != .evidence else {
            throw CommandError("'\(entry.id)' is evidence itself", at: call.required(0),
                               hint: "attach files to the post, person or source they document")
        }
        if let captured = call.options.first("captured"), !ISODate.isValid(captured.text) {
            throw CommandError("'\(captured.text)' is not an ISO date-time", at: captured, hint: "write 2014-02-04T13:05:00Z")
        }
        let files = Array(call.positionals.dropFirst())
        if let hash = call.options.first("sha256") {
            guard files.isEmpty else {
                throw CommandError("give either files or sha256=, not both", at: files[0], hint: "usage: \(usage)")
            }
            try EvidenceAttachment.attachRecorded(hash, call: call, to: entry, on: notebook)
            return
        }
        guard !files.isEmpty else {
            throw CommandError("attach needs a FILE", at: call.required(1), hint: "usage: \(usage)")
        }
        for file in files {
            try EvidenceAttachment.attach(file, call: call, to: entry, on: notebook)
        }
    }
}
