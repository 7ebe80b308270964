/// What `undo` and `redo` work on: the transactions done and undone, and the one the
/// running command is building. Part of a `Notebook`, which applies the changes.
struct UndoHistory {
    /// Transactions that can be undone, the latest last.
    var undoStack: [Transaction] = []
    /// Transactions undone that can be redone, the latest undone last.
    var redoStack: [Transaction] = []
    /// The transaction of the outermost command running now (nil between commands).
    var pending: Transaction?
    /// The serial number of the next transaction.
    var nextSerial = 1
    /// Counts applied changes, so a command that changed the case is noticed even
    /// when it left no transaction (undo, redo).
    var changeCounter = 0

    /// Starts the transaction of an outermost command.
    mutating func begin() {
        pending = Transaction(serial: nextSerial)
        nextSerial += 1
    }

    /// Forgets every transaction (the whole case was replaced).
    mutating func removeAll() {
        undoStack.removeAll()
        redoStack.removeAll()
    }

    /// After a save: every transaction's command lines are now in a saved session.
    mutating func markSaved() {
        for index in undoStack.indices { undoStack[index].loggedInSession = false }
    }
}
