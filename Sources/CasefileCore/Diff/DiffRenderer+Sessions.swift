/// The diff between two saves told by the sessions between them: each session's changes
/// under its revision, author, time and message (`--by-session`), and what no session
/// explains, in a section of its own.
extension DiffRenderer {
    /// The changes grouped by the session that made them, oldest first, then what none
    /// of them explains.
    public func bySession(_ attribution: SessionAttribution, chain: ChainCheck? = nil) -> [String] {
        var out: [String] = []
        for step in attribution.steps {
            if !out.isEmpty { out.append("") }
            out.append(sessionHeading(step.session))
            let lines = self.lines(step.diff)
            out += lines.isEmpty ? ["  (no change to entries, links or notes)"] : lines.map { "  " + $0 }
        }
        if let failure = attribution.failure {
            out.append("")
            out.append("revision \(failure.revision)'s commands no longer run on the older save, so nothing after them is attributed:")
            out += FieldsDiff.lines(failure.error).map { "  " + visibleText($0) }
        }
        let unexplained = unexplainedSection(attribution, chain: chain, listedAbove: false)
        if !unexplained.isEmpty {
            if !out.isEmpty { out.append("") }
            out += unexplained
        }
        return out
    }

    /// `changed outside casefile, not explained by any session` and the changes, or
    /// nothing when the sessions explain every change.
    /// With `listedAbove`, the whole diff was printed before the section, so a diff no
    /// session explains at all is not printed twice.
    public func unexplainedSection(_ attribution: SessionAttribution, chain: ChainCheck? = nil, listedAbove: Bool = true) -> [String] {
        guard !attribution.unexplained.isEmpty else { return [] }
        var heading = "changed outside casefile, not explained by any session"
        let first = attribution.steps.first?.session.revision
        let marks = chain?.editsOutside ?? [:]
        let shown = marks.keys.filter { revision in first.map { revision >= $0 - 1 } ?? true }.sorted()
        if !shown.isEmpty {
            heading += " (the session chain shows " + shown.compactMap { marks[$0] }.joined(separator: "; ") + ")"
        }
        // No session after the older save: every change above is one made outside casefile.
        if attribution.steps.isEmpty, listedAbove { return [paint(heading + ": all of the above (no save is recorded after the older file's)", .changed)] }
        return [paint(heading + ":", .changed)] + lines(attribution.unexplained).map { "  " + $0 }
    }

    /// `revision 4  2025-11-26T09:00:00Z  by amina: message`.
    func sessionHeading(_ session: Session) -> String {
        var heading = "revision \(session.revision)"
        if let saved = session.saved { heading += "  " + saved }
        if let by = session.by, !by.isEmpty { heading += "  by " + by }
        if let message = session.message { heading += ": " + FieldsDiff.lines(message).joined(separator: " ") }
        return paint(visibleText(heading), .renamed)
    }

    func visibleText(_ text: String) -> String { Terminal.visible(text, keepNewlines: false) }
}
