import CasefileCore

/// How a file that failed to load is reported on standard error.
enum LoadErrorReport {
    /// `casefile: cannot read FILE: reason` for a file that could not be read; otherwise its
    /// diagnostics, then `FILE: N problems`.
    static func text(of error: LoadError, file: String) -> String {
        if error.cannotRead != nil { return "casefile: \(Terminal.visible(error.description))\n" }
        let count = error.diagnostics.count
        return Terminal.visible(error.description) + "\n"
            + "\(Terminal.fileName(file)): \(count) problem\(count == 1 ? "" : "s")\n"
    }
}
