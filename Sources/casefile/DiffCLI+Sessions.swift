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

    /// Both files read whole, and the newer one's later sessions replayed on the older.
    static func attribute(_ old: CaseInput, _ new: CaseInput, changed: CaseDiff) throws -> SessionAttribution {
        let older = try old.withBytes { bytes in try CaseReader.read(bytes: bytes, file: old.name, validate: false).caseFile }
        let newer = try new.withBytes { bytes in try CaseReader.read(bytes: bytes, file: new.name, validate: false).caseFile }
        return SessionAttribution(old: older, new: newer, changed: changed)
    }
}
