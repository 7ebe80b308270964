/// What a case's session chain says about its history, found without replaying it: one
/// hash of the file and a walk over the Session records.
public struct ChainCheck: Sendable, Equatable {
    /// One place where the chain does not hold.
    public struct Break: Sendable, Equatable, CustomStringConvertible {
        /// How the chain fails there.
        public enum Kind: Sendable, Equatable {
            /// The revision has no Session record.
            case missingRecord
            /// Two Session records carry the revision.
            case duplicate
            /// The save recorded no hash (an older casefile saved it, or the hash was removed).
            case unsealed
            /// The save names no case it started from (its Previous was removed).
            case noPrevious
            /// The save started from a case other than the one the previous save wrote:
            /// the file was changed outside casefile in between.
            case editedBefore
            /// The file is not what this, the newest, save wrote.
            case editedAfter
        }

        /// The revision from which the chain no longer holds.
        public var revision: Int
        /// How.
        public var kind: Kind

        public var description: String {
            switch kind {
            case .missingRecord: return "revision \(revision) has no session record"
            case .duplicate: return "revision \(revision) is recorded twice"
            case .unsealed:
                return "revision \(revision) carries no hash: it was saved by a casefile that does not chain its saves, or its Hash was removed"
            case .noPrevious: return "revision \(revision) names no previous hash: its Previous was removed"
            case .editedBefore: return "the file was edited outside casefile between revision \(revision - 1) and \(revision)"
            case .editedAfter:
                return "the file was edited outside casefile after revision \(revision) was saved (an entry, or an earlier session record)"
            }
        }
    }

    /// The first revision that carries a hash (nil: none does, the file predates the chain).
    public var chainedFrom: Int?
    /// The newest revision recorded.
    public var latest: Int
    /// Where the chain fails, in order of revision.
    public var breaks: [Break]
    /// Whether the file holds the case the newest save wrote, but not in its canonical
    /// layout (reordered records, other spacing): the data is unchanged.
    public var reformatted = false
    /// The chain's hash of the case as it is in the file (a save records it as Previous).
    public var digest: String

    /// Whether every save from `chainedFrom` on is chained and the file is what the
    /// newest one wrote.
    public var holds: Bool { chainedFrom != nil && breaks.isEmpty }
    /// The first revision from which the chain no longer holds.
    public var firstBroken: Int? { breaks.first?.revision }

    /// The chain of `caseFile`, read from `bytes` (nil: hashed from the case itself).
    /// With `partial`, `caseFile` holds only some of the records of `bytes` (the sessions):
    /// bytes not as casefile wrote them then count as edited, since the case at hand
    /// cannot be hashed instead. With `digesting` false, a case without a chain hash leaves
    /// `digest` empty for the caller to work out (the notebook does it in the background).
    /// - Complexity: O(n) for the hash at the speed of SHA-256 when `bytes` are what
    ///   casefile wrote; a file in another layout is hashed once more through the writer.
    public init(_ caseFile: CaseFile, bytes: UnsafeBufferPointer<UInt8>? = nil, partial: Bool = false,
                digesting: Bool = true) {
        let sessions = caseFile.sessions.sorted { $0.revision < $1.revision }
        latest = max(caseFile.header.revision, sessions.last?.revision ?? 0)
        chainedFrom = sessions.first { $0.chainHash != nil }?.revision
        breaks = []
        let recorded = sessions.last?.chainHash
        if let recorded, let bytes, let fast = SessionChain.digest(ofBytes: bytes, recorded: recorded), fast == recorded {
            digest = fast
        } else if (partial && bytes != nil) || (!digesting && recorded == nil) {
            digest = ""
        } else {
            digest = SessionChain.digest(of: caseFile)
            reformatted = bytes != nil && recorded != nil && digest == recorded
        }
        guard let first = chainedFrom else { return }
        var previous: Session?
        for session in sessions where session.revision >= first {
            defer { previous = session }
            guard let before = previous else { continue }
            if session.revision == before.revision {
                breaks.append(Break(revision: session.revision, kind: .duplicate))
                continue
            }
            if session.revision != before.revision + 1 {
                breaks.append(Break(revision: before.revision + 1, kind: .missingRecord))
            }
            if session.chainHash == nil {
                breaks.append(Break(revision: session.revision, kind: .unsealed))
            } else if session.chainParents.isEmpty {
                breaks.append(Break(revision: session.revision, kind: .noPrevious))
            } else if let hash = before.chainHash, session.chainParents[0] != hash {
                breaks.append(Break(revision: session.revision, kind: .editedBefore))
            }
        }
        if let newest = sessions.last {
            if newest.revision < latest {
                breaks.append(Break(revision: newest.revision + 1, kind: .missingRecord))
            } else if let recorded, recorded != digest {
                breaks.append(Break(revision: newest.revision, kind: .editedAfter))
            }
        }
        breaks.sort { $0.revision < $1.revision }
    }

    /// One line on the chain: where it holds, or the first place it fails.
    public var summary: String {
        guard let first = chainedFrom else {
            return "no session chain: the file was saved by a casefile that does not chain its saves; it gains one on its next save"
        }
        let span = first == latest ? "revision \(latest)" : "revisions \(first)…\(latest)"
        if let broken = breaks.first {
            return "the session chain is broken: \(broken)"
        }
        return "the session chain holds (\(span))"
            + (reformatted ? ", but the file is not laid out as revision \(latest) wrote it: the data is unchanged (casefile fmt restores the layout)" : "")
    }

    /// The outside edits the chain shows, for `log`: the revision after which each happened.
    public var editsOutside: [Int: String] {
        var marks: [Int: String] = [:]
        for broken in breaks {
            switch broken.kind {
            case .editedBefore: marks[broken.revision - 1] = "edited outside casefile between revision \(broken.revision - 1) and \(broken.revision)"
            case .editedAfter: marks[broken.revision] = "edited outside casefile after revision \(broken.revision)"
            default: marks[broken.revision] = broken.description
            }
        }
        return marks
    }
}

extension ChainCheck {
    /// The header and sessions of the case file `bytes`, and its chain, read without
    /// loading the entries unless the file is not as casefile wrote it (then it is read
    /// whole to tell an edit from another layout).
    public static func ofFile(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws(LoadError) -> (sessions: CaseFile, chain: ChainCheck) {
        let sessions = try CaseFile.sessionsOnly(bytes, name: name)
        var chain = ChainCheck(sessions, bytes: bytes, partial: true)
        if chain.breaks.contains(where: { $0.kind == .editedAfter }) {
            let whole: CaseFile
            do {
                whole = try CaseReader.read(bytes: bytes, file: name, validate: false).caseFile
            } catch let error as LoadError {
                throw error
            } catch {
                throw LoadError([Diagnostic(file: name, line: 0, message: String(describing: error))])
            }
            chain = ChainCheck(whole, bytes: bytes)
        }
        return (sessions, chain)
    }
}
