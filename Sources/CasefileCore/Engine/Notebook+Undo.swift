extension Notebook {
    /// Undoes the most recent transaction; false when there is none.
    func undoOnce() -> Bool {
        guard var transaction = undo.undoStack.popLast() else { return false }
        for change in transaction.changes.reversed() { applyRaw(change, forward: false) }
        // A change made since the last save leaves the session log with it; one made
        // before it stays in an earlier session's log, so this session records `undo`.
        if !transaction.log.isEmpty, transaction.loggedInSession, log.lines.suffix(transaction.log.count) == transaction.log[...] {
            logRemoveLast(transaction.log.count)
            transaction.loggedInSession = false
        } else {
            // One `undo` per command line: a replay runs a sourced script's commands one
            // by one, so each is its own transaction there.
            logAppend(Array(repeating: "undo", count: max(1, transaction.log.count)))
            transaction.loggedInSession = true
        }
        undo.redoStack.append(transaction)
        return true
    }

    /// Redoes the most recently undone transaction; false when there is none.
    func redoOnce() -> Bool {
        guard var transaction = undo.redoStack.popLast() else { return false }
        for change in transaction.changes { applyRaw(change, forward: true) }
        let lines = max(1, transaction.log.count)
        if transaction.loggedInSession, log.lines.count >= lines, log.lines.suffix(lines).allSatisfy({ $0 == "undo" }) {
            logRemoveLast(lines)
            transaction.loggedInSession = false
        } else if !transaction.loggedInSession {
            logAppend(transaction.log)
            transaction.loggedInSession = true
        } else {
            logAppend(Array(repeating: "redo", count: lines))
        }
        undo.undoStack.append(transaction)
        return true
    }
}
