extension Notebook {
    /// Checks the session chain of the case just read from `path`, keeps its hash for the
    /// next save's `Previous`, and says once if the chain is broken.
    func checkChain(path: String) {
        let check: ChainCheck
        // A file no save sealed has nothing to check; its hash (the case written once) is
        // only needed by the next save, so it is worked out in the background meanwhile.
        if !caseFile.sessions.contains(where: { $0.chainHash != nil }) {
            check = ChainCheck(caseFile, digesting: false)
            chain = check
            let snapshot = caseFile
            loadedDigest = nil
            pendingDigest = BackgroundValue { SessionChain.digest(of: snapshot) }
            return
        }
        // The mapping the values were loaded from, when there is one: the file is not read twice.
        if let mapped = files.mapping ?? (try? MappedFile(path: path)) {
            check = ChainCheck(caseFile, bytes: mapped.bytes)
        } else {
            check = ChainCheck(caseFile)
        }
        chain = check
        loadedDigest = check.digest
        if check.chainedFrom != nil, !check.holds {
            warn("\(path): \(check.summary)\n  hint: casefile revision --check \(Quoting.word(path)) names the revision and shows what changed")
        }
    }
}
