/// The folding keys of one namespace and the terms that carry them, with the side
/// tables that find candidates for prefixes (first 1–3 characters) and typos
/// (symmetric deletions). Everything found here is only a candidate: `TermPattern`
/// decides.
struct KeyIndex {
    private var ids = StringKeyTable()
    private(set) var keys: [String] = []
    private var firstTerm: [Int32] = []
    private var termOfNode: [Int32] = []
    private var nextNode: [Int32] = []
    private var isPrefixed: [Bool] = []
    private var hasNeighbours: [Bool] = []
    private var keyPrefixes = HashMultimap()
    private var surfacePrefixes = HashMultimap()
    private var deletions = HashMultimap()
    private let indexesTypos: Bool

    /// Longest prefix kept in the prefix tables; longer prefixes are checked one by one.
    static let prefixDepth = 3

    /// An empty table; `typos` builds the deletion neighbourhoods (words only).
    init(typos: Bool) { indexesTypos = typos }

    /// Starts a bulk load: side tables collect, then sort once in `endBulk()`.
    mutating func beginBulk() {
        keyPrefixes.beginBulk()
        surfacePrefixes.beginBulk()
        deletions.beginBulk()
    }

    /// Ends a bulk load.
    mutating func endBulk() {
        keyPrefixes.endBulk()
        surfacePrefixes.endBulk()
        deletions.endBulk()
    }

    /// Registers a new term's surface and keys.
    mutating func add(term id: Int32, info: TermInfo) {
        // Hashes over the bytes in place (the same FNV-1a as `HashMultimap.hash`, which
        // queries use): a bulk build adds a few hundred thousand terms.
        var surface = info.surface
        surface.withUTF8 { bytes in
            var end = 0
            var depth = 0
            while end < bytes.count && depth < Self.prefixDepth {
                end += UTF8Decoding.decode(bytes, at: end).1
                end = min(end, bytes.count)
                depth += 1
                surfacePrefixes.insert(HashMultimap.hash(UnsafeBufferPointer(rebasing: bytes[..<end]), salt: UInt64(depth)), id)
            }
        }
        for key in info.fullKeys { add(key: key, full: true, term: id) }
        for key in info.stemKeys { add(key: key, full: false, term: id) }
        for key in info.crossKeys { add(key: key, full: false, term: id) }
        for key in info.crossStemKeys { add(key: key, full: false, term: id) }
    }

    private mutating func add(key: String, full isFull: Bool, term id: Int32) {
        let keyID = keyID(for: key, full: isFull)
        termOfNode.append(id)
        nextNode.append(firstTerm[Int(keyID)])
        firstTerm[Int(keyID)] = Int32(termOfNode.count - 1)
        if isFull && !isPrefixed[Int(keyID)] {
            isPrefixed[Int(keyID)] = true
            var key = key
            key.withUTF8 { bytes in
                for depth in 1...Self.prefixDepth where depth <= bytes.count {
                    keyPrefixes.insert(HashMultimap.hash(UnsafeBufferPointer(rebasing: bytes[..<depth]), salt: UInt64(depth)), keyID)
                }
            }
        }
    }

    /// The id of `key`, made if new; a full key of a word gets its typo neighbourhood
    /// (once, however many terms share it).
    private mutating func keyID(for key: String, full: Bool) -> Int32 {
        let id: Int32
        if let existing = ids.find(key, matches: { keys[Int($0)] == key }) {
            id = existing
        } else {
            id = Int32(keys.count)
            ids.set(key, id) { _ in false }
            keys.append(key)
            firstTerm.append(-1)
            isPrefixed.append(false)
            hasNeighbours.append(false)
        }
        if full && indexesTypos && !hasNeighbours[Int(id)] && key.utf8.count >= TermPattern.typoMinimumKey {
            hasNeighbours[Int(id)] = true
            EditDistance.forEachDeletionHash(of: key) { deletions.insert($0, id) }
        }
        return id
    }

    /// Calls `body` with each term carrying the key `keyID`.
    func forEachTerm(ofKey keyID: Int32, _ body: (Int32) -> Void) {
        var node = firstTerm[Int(keyID)]
        while node >= 0 {
            body(termOfNode[Int(node)])
            node = nextNode[Int(node)]
        }
    }

    /// Calls `body` with each term carrying `key`.
    func forEachTerm(withKey key: String, _ body: (Int32) -> Void) {
        if let id = ids.find(key, matches: { keys[Int($0)] == key }) { forEachTerm(ofKey: id, body) }
    }

    /// Calls `body` with each key starting with `prefix` that is some term's full key.
    func forEachKey(withPrefix prefix: String, _ body: (Int32) -> Void) {
        let utf8 = Array(prefix.utf8)
        guard !utf8.isEmpty else { return }
        let depth = min(Self.prefixDepth, utf8.count)
        keyPrefixes.forEach(HashMultimap.hash(utf8[0..<depth], salt: UInt64(depth))) { keyID in
            if utf8.count <= depth || keys[Int(keyID)].utf8.starts(with: utf8) { body(keyID) }
        }
    }

    /// Calls `body` with candidate terms whose surface may start with `prefix`.
    func forEachTerm(withSurfacePrefix prefix: String, _ body: (Int32) -> Void) {
        let scalars = Array(prefix.unicodeScalars.prefix(Self.prefixDepth))
        guard !scalars.isEmpty else { return }
        var bytes: [UInt8] = []
        for scalar in scalars { bytes.append(contentsOf: String(scalar).utf8) }
        surfacePrefixes.forEach(HashMultimap.hash(bytes, salt: UInt64(scalars.count)), body)
    }

    /// Calls `body` with candidate keys within one edit of `key` (possibly more; check).
    func forEachKey(nearTo key: String, _ body: (Int32) -> Void) {
        guard indexesTypos else { return }
        EditDistance.forEachDeletionHash(of: key) { deletions.forEach($0, body) }
    }
}
