/// The distinct terms seen so far, and a cache from a token's raw bytes to its term.
///
/// Analysing a token (normal form, transliteration, stems) costs microseconds; looking up
/// its bytes costs tens of nanoseconds. So each distinct spelling is analysed once, and
/// spellings that normalise alike ("Есимов", "ЕСИМОВ") share one term.
struct TermDictionary {
    /// Every term, by id.
    private(set) var terms: [TermInfo] = []
    /// Term ids by namespace and surface.
    private var bySurface = [StringKeyTable](repeating: StringKeyTable(), count: Namespace.count)
    private var raw = RawTokenTable()

    /// An empty dictionary.
    init() {}

    /// The number of terms.
    var count: Int { terms.count }

    /// The term of the token `bytes[start..<end]` in `namespace`, analysing it if it is
    /// new; `isNew` tells whether a new term was made.
    @inline(__always)
    mutating func term(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                       namespace: Namespace) -> (id: Int32, isNew: Bool) {
        if let id = raw.find(bytes, start, end, namespace) { return (id, false) }
        let info = TermAnalyzer.analyze(UnsafeBufferPointer(rebasing: bytes[start..<end]), namespace: namespace)
        var isNew = false
        let id: Int32
        if let existing = lookup(surface: info.surface, namespace: namespace) {
            id = existing
        } else {
            id = Int32(terms.count)
            terms.append(info)
            bySurface[Int(namespace.rawValue)].set(info.surface, id) { _ in false }
            isNew = true
        }
        raw.insert(bytes, start, end, namespace, term: id)
        return (id, isNew)
    }

    /// The term of an analysed token (bulk build): the one with its surface, or a new one.
    mutating func adopt(_ info: TermInfo) -> (id: Int32, isNew: Bool) {
        if let existing = lookup(surface: info.surface, namespace: info.namespace) { return (existing, false) }
        let id = Int32(terms.count)
        terms.append(info)
        bySurface[Int(info.namespace.rawValue)].set(info.surface, id) { _ in false }
        return (id, true)
    }

    /// Takes the raw token table of a bulk build, whose ids must already be term ids.
    mutating func install(_ table: RawTokenTable) { raw = table }

    /// Calls `body` with every raw token seen and its term (see `RawTokenTable.forEachToken`).
    func forEachRawToken(_ body: (UnsafeBufferPointer<UInt8>, Namespace, Int32) -> Void) { raw.forEachToken(body) }

    /// Starts loading the table slots of `tokens` (see `RawTokenTable.touch`).
    func touch(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> UInt64 { raw.touch(bytes, tokens) }

    /// The term with this surface in `namespace`, if any.
    func lookup(surface: String, namespace: Namespace) -> Int32? {
        bySurface[Int(namespace.rawValue)].find(surface) { terms[Int($0)].surface == surface }
    }

    /// The term of a token already seen, without analysing or remembering anything.
    func existingTerm(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, namespace: Namespace) -> Int32? {
        raw.find(bytes, start, end, namespace)
    }
}
