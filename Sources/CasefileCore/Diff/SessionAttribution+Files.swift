extension SessionAttribution {
    /// The attribution of the changes between two case files, compared as `comparison`.
    ///
    /// The sessions are first replayed on the older file's records that differ (the
    /// partial case the comparison read), not on the whole file: a million-entry case
    /// with a thousand changed entries is never read whole. That replay is kept only when
    /// every command ran and it gives exactly the newer file's records; a command that
    /// needs a record left out (an unchanged person a post names, an Id taken by an
    /// unchanged entry) fails or gives something else there, and then both files are read
    /// whole and the sessions replayed on the whole older case, as the answer does not
    /// depend on what was left out.
    /// - Complexity: the sessions' commands on the changed records; when they cannot be
    ///   explained there, two full reads and the replay on the whole case.
    public static func between(_ old: CaseInput, _ new: CaseInput,
                               comparison: FileComparison.Comparison) throws(LoadError) -> SessionAttribution {
        let partial = SessionAttribution(old: comparison.old, new: comparison.new, changed: comparison.diff)
        if partial.failure == nil, partial.unexplained.isEmpty { return partial }
        let older = try read(old)
        let newer = try read(new)
        return SessionAttribution(old: older, new: newer, changed: comparison.diff)
    }

    /// The whole case `input` holds, read without validation (a diff shows what is there).
    static func read(_ input: CaseInput) throws(LoadError) -> CaseFile {
        try input.withBytes { bytes throws(LoadError) in
            do {
                return try CaseReader.read(bytes: bytes, file: input.name, validate: false).caseFile
            } catch let error as LoadError {
                throw error
            } catch {
                throw LoadError([Diagnostic(file: input.name, line: 0, message: String(describing: error))])
            }
        }
    }
}
