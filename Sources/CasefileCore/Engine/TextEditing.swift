/// Opens text in the user's editor and gives back what they saved (the shell supplies
/// one that runs $VISUAL or $EDITOR; the engine never touches the terminal itself).
public protocol TextEditing: AnyObject {
    /// Lets the user edit `text` (in a file ending in `suffix`); nil when the editor
    /// failed or was quit without saving.
    func edit(_ text: String, suffix: String) -> Result<String, EditingError>
}

/// Why an edit could not be made.
public struct EditingError: Error, Sendable {
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }
}
