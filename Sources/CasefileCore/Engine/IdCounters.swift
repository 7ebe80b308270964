/// For numbered Ids (`esimov-2`, `esimov-3`, `prediktor-q7`): per prefix, a counter below
/// which every numbered Id is known to be taken, so that finding the first free number
/// does not try every number already used (the hundredth quote of one speaker would
/// otherwise cost a hundred lookups, the thousandth a thousand).
///
/// The result is the same as trying 1, 2, 3…: the first free number, so a replay of the
/// session log makes the same Ids. When a numbered Id goes (rm, rename, undo), its
/// prefix's counter drops back to it.
final class IdCounters {
    private var taken: [String: Int] = [:]
    /// Words already transliterated for Ids (`Есимов` → `Esimov`): names repeat, and an
    /// ICU transform costs microseconds.
    var latin: [String: String] = [:]

    init() {}

    /// The first number from `start` for which `prefix` + number is not one of `ids`.
    func firstFree(_ prefix: String, from start: Int, in ids: [String: Entry]) -> Int {
        var counter = max(start, taken[prefix] ?? start)
        while ids[prefix + String(counter)] != nil { counter += 1 }
        taken[prefix] = counter
        return counter
    }

    /// Keeps the index current after `change` was applied to the case (it needs nothing else).
    func caseDidChange(_ change: Change) {
        guard case let .entry(old, new) = change, let old, old.id != new?.id else { return }
        let utf8 = old.id.utf8
        var digitsStart = utf8.endIndex
        while digitsStart > utf8.startIndex, let byte = Optional(utf8[utf8.index(before: digitsStart)]), byte >= 0x30, byte <= 0x39 {
            digitsStart = utf8.index(before: digitsStart)
        }
        guard digitsStart < utf8.endIndex, let number = Int(old.id[digitsStart...]) else { return }
        let prefix = String(old.id[..<digitsStart])
        if let counter = taken[prefix], number < counter { taken[prefix] = number }
    }
}
