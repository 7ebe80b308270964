extension ImportPlanner {
    /// `platform:id` for the post's id and its earlier versions' ids.
    static func keys(of post: ImportedPost) -> [String] {
        ([post.postId] + post.earlierIds.map(Optional.some)).compactMap { $0.map { post.platform + ":" + $0 } }
    }

    /// The text as a post stores it: line ends as the case writes them.
    static func storedText(of post: ImportedPost) -> String {
        post.text.utf8.contains(0x0D) ? post.text.replacingOccurrences(of: "\r\n", with: "\n") : post.text
    }
}

/// The languages guessed for a batch's posts that the export gives none for, guessed on
/// all cores before the posts are added one by one (the guess reads only the text). Posts
/// the case already has are left out: they keep what they have.
struct LanguageGuesses {
    private let made: [Bool]
    private let languages: [String?]

    init(_ posts: [ImportedPost], known: [String: String]) {
        let wanted = posts.map { post in
            post.lang == nil && !post.text.isEmpty && !ImportPlanner.keys(of: post).contains { known[$0] != nil }
        }
        let parts = Parallel.parts(for: posts.count, minimum: 2_000)
        let guessed = Parallel.map(parts) { part in
            Parallel.range(part, of: parts, count: posts.count).map { index -> String? in
                wanted[index] ? ImportLanguage.guess(ImportPlanner.storedText(of: posts[index])) : nil
            }
        }
        made = wanted
        languages = guessed.flatMap { $0 }
    }

    /// The guess for post `index`, whose stored text is `text`: made now if not before.
    func language(of index: Int, text: String) -> String? {
        index < made.count && made[index] ? languages[index] : ImportLanguage.guess(text)
    }
}
