/// The revisions a case file records about itself, newest first, as `log` shows them:
///
///     revision 2  2025-11-26T09:00:00Z  by amina
///         Second batch of tweets
///         +3 post, ~1 person
///
/// With `verbose`, each revision's command lines follow, marked `|`.
public struct SessionLog {
    /// The session records.
    public var sessions: [Session]
    /// Whether to list each revision's commands.
    public var verbose = false
    /// At most this many revisions (nil: all).
    public var limit: Int?
    /// Edits outside casefile the session chain shows, by the revision after which they
    /// were made (`ChainCheck.editsOutside`): listed between the revisions.
    public var outsideEdits: [Int: String] = [:]

    /// A log of `sessions`.
    public init(sessions: [Session], verbose: Bool = false, limit: Int? = nil) {
        self.sessions = sessions
        self.verbose = verbose
        self.limit = limit
    }

    /// The lines, made safe for a terminal.
    public func lines() -> [String] {
        var out: [String] = []
        let newestFirst = sessions.sorted { $0.revision > $1.revision }
        for session in newestFirst.prefix(limit ?? newestFirst.count) {
            if let edit = outsideEdits[session.revision] {
                out.append("! " + visible(edit))
                out.append("")
            }
            var heading = "revision \(session.revision)"
            if let saved = session.saved { heading += "  " + saved }
            if let by = session.by { heading += "  by " + by }
            out.append(visible(heading))
            if let message = session.message {
                out += FieldsDiff.lines(message).map { "    " + visible($0) }
            }
            out.append("    " + visible(session.summary ?? "(no summary)"))
            let commands = session.commands
            if verbose {
                for command in commands {
                    out += FieldsDiff.lines(command).map { "    | " + visible($0) }
                }
            } else if !commands.isEmpty {
                out.append("    \(commands.count) command\(commands.count == 1 ? "" : "s")")
            }
            out.append("")
        }
        if out.last == "" { out.removeLast() }
        return out
    }

    /// The log as JSON: one object per revision, newest first.
    public func json() -> JSONText {
        let newestFirst = sessions.sorted { $0.revision > $1.revision }
        return .array(newestFirst.prefix(limit ?? newestFirst.count).map { session in
            var pairs: [(String, JSONText)] = [("revision", .number(session.revision))]
            for name in ["Saved", "By", "Message", "Summary"] {
                if let value = session[name] { pairs.append((name.lowercased(), .string(value))) }
            }
            pairs.append(("commands", .array(session.commands.map { .string($0) })))
            if let hash = session.chainHash { pairs.append(("hash", .string(hash))) }
            if !session.chainParents.isEmpty { pairs.append(("previous", .array(session.chainParents.map { .string($0) }))) }
            if let edit = outsideEdits[session.revision] { pairs.append(("editedOutsideAfter", .string(edit))) }
            return .object(pairs)
        })
    }

    private func visible(_ text: String) -> String { Terminal.visible(text, keepNewlines: false) }
}

extension CaseFile {
    /// Reads only the header and the session records of a case file: `casefile log` on a
    /// million-entry file scans it instead of loading every entry.
    public static func sessionsOnly(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws(LoadError) -> CaseFile {
        let scan = RecordScan(bytes: bytes)
        let include = (0..<scan.count).map { record -> Bool in
            let section = Int(scan.section[record])
            guard section >= 0 else { return true }
            let type = scan.sections[section].type
            return type == Kind.session.recordType || type == "Casefile"
        }
        return try PartialCase.read(scan, bytes, include: include, name: name)
    }
}
