import CasefileCore

extension DiffCLI {
    /// Whether the sessions of the newer file can explain its changes: it descends from the
    /// older one (or the older carries no chain to tell) and records saves after it.
    static func explains(_ descent: SaveDescent, _ old: CaseFile, _ new: CaseFile) -> Bool {
        switch descent.verdict {
        case .descends, .unknown: return true
        case .diverged, .unrelated: return false
        }
    }

    /// The newer file's later sessions replayed on the older one's changed records (both
    /// files read whole only when those cannot explain the changes).
    static func attribute(_ old: CaseInput, _ new: CaseInput, comparison: FileComparison.Comparison) throws -> SessionAttribution {
        try SessionAttribution.between(old, new, comparison: comparison)
    }
}
