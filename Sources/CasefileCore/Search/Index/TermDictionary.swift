#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The distinct terms seen so far, and a cache from a token's raw bytes to its term.
///
/// Analysing a token (normal form, transliteration, stems) costs microseconds; looking up
/// its bytes costs tens of nanoseconds. So each distinct spelling is analysed once, and
/// spellings that normalise alike ("Есимов", "ЕСИМОВ") share one term.
struct TermDictionary {
    /// Every term, by id.
    private(set) var terms: [TermInfo] = []
    /// Term ids by namespace and surface.
    private(set) var bySurface: [[String: Int32]] = Array(repeating: [:], count: Namespace.count)

    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var rawHash: [UInt64] = []
    private var rawStart: [Int] = []
    private var rawLength: [Int32] = []
    private var rawTerm: [Int32] = []
    private var arena: [UInt8] = []

    /// An empty dictionary.
    init() {}

    /// The number of terms.
    var count: Int { terms.count }

    /// The term of the token `bytes[range]` in `namespace`, analysing it if it is new;
    /// `isNew` tells whether a new term was made.
    mutating func term(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                       namespace: Namespace) -> (id: Int32, isNew: Bool) {
        let length = end - start
        let hash = Self.hash(bytes, start, end, namespace)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            let e = Int(entry)
            if rawHash[e] == hash && Int(rawLength[e]) == length && sameBytes(e, bytes, start, length) {
                return (rawTerm[e], false)
            }
            slot = (slot + 1) & mask
        }
        let body = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let info = TermAnalyzer.analyze(body, namespace: namespace)
        var isNew = false
        let id: Int32
        if let existing = bySurface[Int(namespace.rawValue)][info.surface] {
            id = existing
        } else {
            id = Int32(terms.count)
            terms.append(info)
            bySurface[Int(namespace.rawValue)][info.surface] = id
            isNew = true
        }
        slots[slot] = Int32(rawHash.count)
        rawHash.append(hash)
        rawStart.append(arena.count)
        rawLength.append(Int32(length))
        rawTerm.append(id)
        arena.append(contentsOf: body)
        if rawHash.count * 2 > slots.count { grow() }
        return (id, isNew)
    }

    /// The term with this surface in `namespace`, if any.
    func lookup(surface: String, namespace: Namespace) -> Int32? {
        bySurface[Int(namespace.rawValue)][surface]
    }

    /// The term of a token already seen, without analysing or remembering anything.
    func existingTerm(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, namespace: Namespace) -> Int32? {
        let hash = Self.hash(bytes, start, end, namespace)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            let e = Int(entry)
            if rawHash[e] == hash && Int(rawLength[e]) == end - start && sameBytes(e, bytes, start, end - start) {
                return rawTerm[e]
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ namespace: Namespace) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(namespace.rawValue)
        var index = start
        while index < end {
            hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
            index += 1
        }
        return hash
    }

    private func sameBytes(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        guard length > 0, let base = bytes.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress else { return false }
            return memcmp(storedBase + rawStart[entry], base + start, length) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for entry in 0..<rawHash.count {
            let hash = rawHash[entry]
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while fresh[slot] >= 0 { slot = (slot + 1) & mask }
            fresh[slot] = Int32(entry)
        }
        slots = fresh
    }
}
