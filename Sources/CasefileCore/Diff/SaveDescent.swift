/// Whether one save of a case descends from another, told by their session chains: the
/// newer one descends from the older when its history holds the older one's last save,
/// hash for hash.
public struct SaveDescent: Sendable, Equatable, CustomStringConvertible {
    /// The verdict.
    public enum Verdict: Sendable, Equatable {
        /// The newer save's history holds the older one's last save.
        case descends
        /// Both hold the same saves up to `common`, then part ways (two branches).
        case diverged(common: Int)
        /// They share no chained save.
        case unrelated
        /// The older file carries no hash to look for (saved by an older casefile).
        case unknown
    }

    /// The verdict.
    public var verdict: Verdict
    /// The two files' names, for the sentence.
    public var oldName: String
    /// The newer file's name.
    public var newName: String
    /// The older file's newest revision, and the newer's.
    public var revisions: (old: Int, new: Int)
    /// Where the older file's own chain is broken, if it is (then it is not exactly a save).
    public var oldBreak: ChainCheck.Break?
    /// Where the newer file's own chain is broken, if it is.
    public var newBreak: ChainCheck.Break?

    public static func == (a: SaveDescent, b: SaveDescent) -> Bool {
        a.verdict == b.verdict && a.revisions == b.revisions && a.oldBreak == b.oldBreak && a.newBreak == b.newBreak
    }

    /// The descent of `new` (its sessions and chain) from `old`.
    public init(old: [Session], oldChain: ChainCheck, oldName: String, new: [Session], newChain: ChainCheck, newName: String) {
        self.oldName = oldName
        self.newName = newName
        revisions = (oldChain.latest, newChain.latest)
        oldBreak = oldChain.breaks.first
        newBreak = newChain.breaks.first
        let newHashes = Set(new.compactMap(\.chainHash))
        let oldChained = old.filter { $0.chainHash != nil }.sorted { $0.revision < $1.revision }
        guard let last = oldChained.last, let hash = last.chainHash else {
            verdict = .unknown
            return
        }
        if newHashes.contains(hash), last.revision == old.map(\.revision).max() {
            verdict = .descends
        } else if let shared = oldChained.last(where: { $0.chainHash.map(newHashes.contains) == true }) {
            verdict = .diverged(common: shared.revision)
        } else {
            verdict = .unrelated
        }
    }

    /// One sentence for the reader of a diff.
    public var description: String {
        var text: String
        switch verdict {
        case .descends:
            text = "\(newName) (revision \(revisions.new)) descends from \(oldName) (revision \(revisions.old))"
        case let .diverged(common):
            text = "\(newName) does not descend from \(oldName): both hold the saves up to revision \(common), then part ways"
        case .unrelated:
            text = "\(newName) does not descend from \(oldName): they share no save"
        case .unknown:
            text = "whether \(newName) descends from \(oldName) cannot be told: \(oldName) carries no session hash (saved by an older casefile)"
        }
        if let oldBreak { text += "; \(oldName)'s chain is broken: \(oldBreak)" }
        if let newBreak { text += "; \(newName)'s chain is broken: \(newBreak)" }
        return text
    }
}
