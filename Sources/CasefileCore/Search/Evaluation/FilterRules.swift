/// The meaning of the field filters, written once for the index and the scan.
enum FilterRules {
    /// What filters look at in an entry.
    struct Facts: Sendable {
        /// The Lang value, lower-cased.
        var lang: String?
        /// `Date` (posts, quotes) or `Published` (sources), as `yyyymmdd`, 0 if none.
        var day: Int32
        /// A post's Author or a quote's Speaker, lower-cased.
        var author: String?
        /// A translation's original.
        var original: String?

        init(_ entry: Entry) {
            let raw = RawFacts(entry)
            lang = raw.lang?.lowercased()
            day = raw.day
            author = raw.author?.lowercased()
            original = raw.original
        }
    }

    /// `Facts` before lower-casing: a bulk build lower-cases each distinct author and
    /// language once rather than once per entry.
    struct RawFacts: Sendable {
        var lang: String?
        var day: Int32
        var author: String?
        var original: String?

        init(_ entry: Entry) {
            // One pass over the fields (this runs for every entry indexed); the first
            // value of each field counts, as `entry[name]` would give it.
            var lang: String?
            var date: String?
            var published: String?
            var author: String?
            var original: String?
            let authorField: SearchField = entry.kind == .post ? .author : entry.kind == .quote ? .speaker : .other
            for field in entry.fields {
                switch SearchField(field.name) {
                case .lang: if lang == nil { lang = field.value }
                case .date: if date == nil { date = field.value }
                case .published: if published == nil { published = field.value }
                case .of: if original == nil && entry.kind == .translation { original = field.value }
                case let name where name == authorField && name != .other: if author == nil { author = field.value }
                default: break
                }
            }
            self.lang = lang
            day = DateRange.day(of: date ?? published ?? "")
            self.author = author
            self.original = original
        }
    }

    /// `status:filter` holds for `entry`: a translation with that Status (case ignored).
    static func statusMatches(_ entry: Entry, _ filter: String) -> Bool {
        guard entry.kind == .translation, let status = entry["Status"] else { return false }
        return status.lowercased() == filter
    }

    /// `lang:filter` holds for `value`: the same tag or a more specific one.
    static func langMatches(_ value: String?, _ filter: String) -> Bool {
        guard let value else { return false }
        return value == filter || value.hasPrefix(filter + "-")
    }

    /// Whether a translation in `lang` is a translation into `working` (primary subtags).
    static func isWorkingLanguage(_ lang: String?, _ working: String) -> Bool {
        guard let lang else { return false }
        return LanguageTag.primary(lang) == LanguageTag.primary(working)
    }

    /// `missing:translation` for an entry of `kind` in `lang` whose translations are in
    /// `translationLangs`.
    static func missesTranslation(kind: Kind, lang: String?, translationLangs: [String], working: String) -> Bool {
        guard kind == .post || kind == .quote, !isWorkingLanguage(lang, working) else { return false }
        return !translationLangs.contains { isWorkingLanguage($0, working) }
    }

    /// The lower-cased Author/Speaker values that `author:value` accepts: the person it
    /// names (by Id or by handle), their Id and every handle of theirs.
    static func authorKeys(_ value: String, handlesOf: (String) -> [String], ownersOf: (String) -> Set<String>) -> Set<String> {
        let lowered = value.lowercased()
        let handle = lowered.hasPrefix("@") ? lowered : "@" + lowered
        var ids = ownersOf(handle)
        if !lowered.hasPrefix("@") { ids.insert(lowered) }
        var keys: Set<String> = [lowered, handle]
        for id in ids {
            keys.insert(id)
            for other in handlesOf(id) { keys.insert(normalizedHandle(other)) }
        }
        return keys
    }

    /// A handle as filters compare it: lower case, with its `@`.
    static func normalizedHandle(_ handle: String) -> String {
        let lowered = handle.lowercased()
        return lowered.hasPrefix("@") ? lowered : "@" + lowered
    }
}

extension Kind {
    /// The kind's place in file order, as a byte (ranking and per-slot tables use it).
    var byteOrdinal: UInt8 { UInt8(truncatingIfNeeded: ordinal) }
}
