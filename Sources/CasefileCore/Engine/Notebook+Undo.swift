extension Notebook {
    /// Undoes the most recent transaction; false when there is none.
    func undoOnce() -> Bool {
        guard var transaction = undoStack.popLast() else { return false }
        for change in transaction.changes.reversed() { applyRaw(change.inverse) }
        // A change made since the last save leaves the session log with it; one made
        // before it stays in an earlier session's log, so this session records `undo`.
        if let entry = transaction.logEntry, transaction.loggedInSession, sessionLog.last == entry {
            sessionLog.removeLast()
            transaction.loggedInSession = false
        } else {
            sessionLog.append("undo")
            transaction.loggedInSession = true
        }
        redoStack.append(transaction)
        return true
    }

    /// Redoes the most recently undone transaction; false when there is none.
    func redoOnce() -> Bool {
        guard var transaction = redoStack.popLast() else { return false }
        for change in transaction.changes { applyRaw(change) }
        if transaction.loggedInSession, sessionLog.last == "undo" {
            sessionLog.removeLast()
            transaction.loggedInSession = false
        } else if !transaction.loggedInSession {
            if let entry = transaction.logEntry { sessionLog.append(entry) }
            transaction.loggedInSession = true
        } else {
            sessionLog.append("redo")
        }
        undoStack.append(transaction)
        return true
    }
}
