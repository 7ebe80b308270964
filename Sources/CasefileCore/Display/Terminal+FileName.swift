extension Terminal {
    /// A file name as messages show it: on one line, with every control character (a
    /// newline too) made visible, since a name is text from the user or the file system.
    public static func fileName(_ path: String) -> String { visible(path, keepNewlines: false) }
}
