internal import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EditLineReader {
    /// TAB: asks the completer, then inserts the single candidate (and a space) or lists
    /// several in columns and inserts their common prefix.
    func completeWord() -> UInt8 {
        guard let completer, let info = el_wline(editLine)?.pointee,
              let buffer = info.buffer, let cursor = info.cursor, let last = info.lastchar
        else { return UInt8(CC_ERROR) }
        let cursorScalars = cursor - buffer
        let line = String(wideCharacters: buffer, count: last - buffer)
        // Offsets the completer sees are Characters; libedit counts scalars. Everything
        // below is measured on `before`, so the two never disagree.
        let before = String(wideCharacters: buffer, count: cursorScalars)
        let cursorCharacters = before.count
        let completion = completer.complete(line: line, cursor: cursorCharacters)
        guard !completion.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let start = min(max(0, completion.start), cursorCharacters)
        let typed = String(before.dropFirst(start))
        let plan = completion.plan(typed: typed)

        if var replacement = plan.replacement {
            // Completing in front of an existing space: step over it instead of doubling it.
            var stepOverSpace = false
            if replacement.hasSuffix(" "), cursor < last, cursor.pointee == wchar_t(UInt8(ascii: " ")) {
                replacement.removeLast()
                stepOverSpace = true
            }
            el_deletestr(editLine, Int32(typed.unicodeScalars.count))
            if !replacement.isEmpty { _ = el_winsertstr(editLine, replacement.wideCString) }
            if stepOverSpace { _ = el_cursor(editLine, 1) }
        }
        guard plan.listsCandidates else { return UInt8(CC_REFRESH) }
        listCandidates(completion.candidates.map(\.display), lineBeforeCursor: before, line: line)
        return UInt8(CC_REDISPLAY)
    }

    /// Prints `items` in columns below the edited line; libedit then redraws prompt and line
    /// under them (CC_REDISPLAY).
    ///
    /// The terminal cursor is still where libedit last put it: on row `cursorRow` of a line
    /// that may wrap over several rows. So first go below the line's last row, then print
    /// the list, then `cursorRow` blank lines: CC_REDISPLAY clears the rows it believes the
    /// line occupies, counted from the cursor row, and without the padding it would wipe the
    /// end of the list when the cursor is not on the first row.
    private func listCandidates(_ items: [String], lineBeforeCursor before: String, line: String) {
        let reportedColumns = Int(cf_terminal_columns(STDOUT_FILENO))
        let columns = reportedColumns > 0 ? reportedColumns : 80
        let rows = Int(cf_terminal_rows(STDOUT_FILENO))
        let promptWidth = CandidateColumns.displayWidth(Prompt.visibleText(promptSource ?? ""))
        let cursorRow = (promptWidth + CandidateColumns.displayWidth(before)) / columns
        let lastRow = (promptWidth + CandidateColumns.displayWidth(line)) / columns
        let lines = CandidateColumns.lines(items, width: columns, maxRows: rows > 4 ? rows - 2 : 20)
        // Raw mode may have output post-processing off: end lines with CR LF ourselves.
        var text = String(repeating: "\r\n", count: max(0, lastRow - cursorRow) + 1)
        for line in lines { text += line + "\r\n" }
        text += String(repeating: "\r\n", count: cursorRow)
        fputs(text, cf_stdout())
        fflush(cf_stdout())
    }
}
