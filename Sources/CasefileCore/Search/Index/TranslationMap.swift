/// Each original's translations: their Ids and languages (lower-cased).
///
/// An original has few translations, so each keeps a short list rather than a
/// dictionary, and the originals are found through a `StringKeyTable`: a bulk build adds
/// a few hundred thousand translations, and a dictionary of dictionaries cost a quarter
/// of a second of it. An original whose last translation goes keeps an empty list (it
/// reads as absent), so nothing is ever deleted from the table.
struct TranslationMap {
    /// The translations of one original.
    struct List: Sendable {
        /// The translations' Ids, in the order they were added.
        private(set) var ids: [String] = []
        /// Their languages, lower-cased, in the same order.
        private(set) var langs: [String] = []

        /// Whether there are none.
        var isEmpty: Bool { ids.isEmpty }

        /// The number of translations.
        var count: Int { ids.count }

        /// Adds the translation `id`, or changes its language.
        mutating func set(_ id: String, lang: String) {
            if let index = ids.firstIndex(of: id) {
                langs[index] = lang
            } else {
                ids.append(id)
                langs.append(lang)
            }
        }

        /// Removes the translation `id`.
        mutating func remove(_ id: String) {
            guard let index = ids.firstIndex(of: id) else { return }
            ids.remove(at: index)
            langs.remove(at: index)
        }
    }

    private var table = StringKeyTable()
    private var originals: [String] = []
    private var lists: [List] = []

    /// The translations of `original` (empty when it has none).
    subscript(original: String) -> List {
        guard let index = index(of: original) else { return List() }
        return lists[Int(index)]
    }

    /// Whether `original` has at least one translation.
    func hasTranslations(_ original: String) -> Bool {
        guard let index = index(of: original) else { return false }
        return !lists[Int(index)].isEmpty
    }

    /// Records that `translation`, in `lang`, translates `original`.
    mutating func add(_ translation: String, lang: String, of original: String) {
        if let index = index(of: original) {
            lists[Int(index)].set(translation, lang: lang)
            return
        }
        table.set(original, Int32(originals.count)) { _ in false }
        originals.append(original)
        var list = List()
        list.set(translation, lang: lang)
        lists.append(list)
    }

    /// Records that `translation` no longer translates `original`.
    mutating func remove(_ translation: String, of original: String) {
        guard let index = index(of: original) else { return }
        lists[Int(index)].remove(translation)
    }

    private func index(of original: String) -> Int32? {
        table.find(original) { originals[Int($0)] == original }
    }
}
