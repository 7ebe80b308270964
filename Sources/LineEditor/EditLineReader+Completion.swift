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
        listCandidates(completion.candidates.map(\.display))
        return UInt8(CC_REDISPLAY)
    }

    /// Prints `items` in columns below the line; libedit then redraws prompt and line.
    private func listCandidates(_ items: [String]) {
        let columns = Int(cf_terminal_columns(STDOUT_FILENO))
        let rows = Int(cf_terminal_rows(STDOUT_FILENO))
        let lines = CandidateColumns.lines(
            items, width: columns > 0 ? columns : 80, maxRows: rows > 4 ? rows - 2 : 20)
        // Raw mode may have output post-processing off: end lines with CR LF ourselves.
        var text = "\r\n"
        for line in lines { text += line + "\r\n" }
        fputs(text, cf_stdout())
        fflush(cf_stdout())
    }
}
