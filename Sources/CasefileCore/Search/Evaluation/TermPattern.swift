/// One analysed query word and the rule that says which terms it finds, and how well.
///
/// This predicate is the single definition of a match. The index only uses its key
/// tables to find candidates quickly, then asks the predicate; the brute-force scan
/// asks it of every distinct term. So the two cannot disagree about what matches.
struct TermPattern: Sendable {
    /// Match qualities, multiplied into a hit's term frequency.
    enum Quality {
        /// The same normal form.
        static let exact: UInt8 = 4
        /// The same folding key: another script or romanisation of the same word.
        static let folded: UInt8 = 3
        /// The same stem: another inflection.
        static let inflected: UInt8 = 2
        /// One typo apart.
        static let typo: UInt8 = 1
    }

    /// Shortest word (in letters) that may have a typo forgiven.
    static let typoMinimumLength = 6
    /// Shortest key a typo may be forgiven in (on both sides).
    static let typoMinimumKey = 5

    /// The analysed word.
    let info: TermInfo
    /// Whether it is a prefix (`Есим*`).
    let isPrefix: Bool
    /// Whether folding is off (`=word` or `--exact`).
    let isExact: Bool

    /// Whether typos are forgiven for this word: six letters or more, a word (not a tag),
    /// not digits, not exact. A typo is forgiven only against words *in the same script*:
    /// across scripts the folding rules must agree, or "Masimov" would find "Максимов".
    var allowsTypo: Bool {
        !isExact && !isPrefix && info.namespace == .word && info.script != .number
            && info.length >= Self.typoMinimumLength
    }

    /// How well `term` matches: 0 for not at all, else a `Quality`.
    func quality(of term: TermInfo) -> UInt8 {
        guard term.namespace == info.namespace else { return 0 }
        if isPrefix {
            if term.surface.hasPrefix(info.surface) { return Quality.exact }
            if isExact { return 0 }
            for prefix in info.fullKeys {
                for key in term.fullKeys where key.hasPrefix(prefix) { return Quality.folded }
            }
            return 0
        }
        if term.surface == info.surface { return Quality.exact }
        if isExact { return 0 }
        if Self.intersect(info.fullKeys, term.fullKeys) { return Quality.folded }
        if Self.intersect(info.allKeys, term.allKeys) { return Quality.inflected }
        if let quality = Self.crossQuality(info, term) ?? Self.crossQuality(term, info) { return quality }
        if allowsTypo && term.script == info.script {
            for a in info.fullKeys where a.utf8.count >= Self.typoMinimumKey {
                for b in term.fullKeys where b.utf8.count >= Self.typoMinimumKey {
                    if EditDistance.atMostOne(a, b) { return Quality.typo }
                }
            }
        }
        return 0
    }

    /// How well Latin `latin`'s other readings (`CrossReading`) match Cyrillic `cyrillic`;
    /// nil when they do not (or the scripts are not those two).
    static func crossQuality(_ latin: TermInfo, _ cyrillic: TermInfo) -> UInt8? {
        guard latin.script == .latin, cyrillic.script == .cyrillic, !latin.crossKeys.isEmpty else { return nil }
        if intersect(latin.crossKeys, cyrillic.fullKeys) { return Quality.folded }
        if intersect(latin.crossKeys, cyrillic.stemKeys) || intersect(latin.crossStemKeys, cyrillic.allKeys) {
            return Quality.inflected
        }
        return nil
    }

    static func intersect(_ a: [String], _ b: [String]) -> Bool {
        for x in a where b.contains(x) { return true }
        return false
    }
}

/// Edit distance with adjacent transpositions (optimal string alignment), bounded at 1.
enum EditDistance {
    /// Whether `a` and `b` are at most one insertion, deletion, substitution or
    /// transposition of neighbours apart. Compares UTF-8 bytes (keys are ASCII).
    static func atMostOne(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        if abs(x.count - y.count) > 1 { return false }
        var i = 0
        while i < x.count && i < y.count && x[i] == y[i] { i += 1 }
        if i == x.count && i == y.count { return true }
        if x.count == y.count {
            if x[(i + 1)...] == y[(i + 1)...] { return true }  // substitution
            return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
        }
        if x.count > y.count { return x[(i + 1)...] == y[i...] }
        return x[i...] == y[(i + 1)...]
    }

    /// Calls `body` with the hash of `key` and of every string one deletion away from it
    /// (the symmetric-deletion neighbourhood: two strings within distance one share a
    /// member of theirs). A polynomial hash, so that each deletion's hash comes from a
    /// prefix and a suffix in O(1): O(length) in all, not O(length²), and nothing is
    /// allocated per deletion. Equal strings hash alike whichever letter was deleted.
    static func forEachDeletionHash(of key: String, _ body: (UInt64) -> Void) {
        let base: UInt64 = 0x100_0000_01b3
        func finish(_ hash: UInt64) -> UInt64 {
            var h = hash
            h ^= h >> 33
            h &*= 0xff51_afd7_ed55_8ccd
            h ^= h >> 33
            h &*= 0xc4ce_b9fe_1a85_ec53
            return h ^ (h >> 33)
        }
        var key = key
        key.withUTF8 { bytes in
            let count = bytes.count
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * (count + 1)) { scratch in
                // suffix[i] = Σ_{j ≥ i} bytes[j]·base^(count-1-j); power[k] = base^k.
                let suffix = UnsafeMutableBufferPointer(rebasing: scratch[0...count])
                let power = UnsafeMutableBufferPointer(rebasing: scratch[(count + 1)...])
                suffix[count] = 0
                power[0] = 1
                for k in 0..<count { power[k + 1] = power[k] &* base }
                for j in stride(from: count - 1, through: 0, by: -1) {
                    suffix[j] = suffix[j + 1] &+ (UInt64(bytes[j]) &+ 1) &* power[count - 1 - j]
                }
                body(finish(suffix[0]))
                var prefix: UInt64 = 0
                for skip in 0..<count {
                    if skip == 0 || bytes[skip] != bytes[skip - 1] {  // else: the same string as the last
                        body(finish(prefix &* power[count - 1 - skip] &+ suffix[skip + 1]))
                    }
                    prefix = prefix &* base &+ (UInt64(bytes[skip]) &+ 1)
                }
            }
        }
    }
}
