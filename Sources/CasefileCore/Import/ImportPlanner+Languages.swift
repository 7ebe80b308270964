import Foundation

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

/// The languages guessed for a batch's posts that the export gives none for, guessed on a
/// thread of its own while the posts are added one by one on the caller's (the guess reads
/// only the text, and takes less time per post than adding it): the two stages overlap
/// instead of following each other. Posts the case already has are left out: they keep
/// what they have.
final class LanguageGuesses: @unchecked Sendable {
    /// Guesses are published this many at a time.
    private static let stride = 512
    private let made: [Bool]
    /// Written by the guessing thread below `ready` only; read by the caller below it only.
    private let languages: UnsafeMutableBufferPointer<String?>
    private let condition = NSCondition()
    /// How many leading guesses are made (under `condition`).
    private var ready = 0
    /// `ready` as the caller last read it: no lock while it is ahead.
    private var seen = 0

    init(_ posts: [ImportedPost], known: [String: String]) {
        let wanted = posts.map { post in
            post.lang == nil && !post.text.isEmpty && !ImportPlanner.keys(of: post).contains { known[$0] != nil }
        }
        made = wanted
        languages = .allocate(capacity: posts.count)
        languages.initialize(repeating: nil)
        guard !posts.isEmpty else { return }
        // The thread keeps the guesses alive until it has made them all.
        let thread = Thread { [self] in
            var next = 0
            while next < posts.count {
                let end = min(posts.count, next + Self.stride)
                for index in next..<end where wanted[index] {
                    languages[index] = ImportLanguage.guess(ImportPlanner.storedText(of: posts[index]))
                }
                next = end
                condition.lock()
                ready = end
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.start()
    }

    deinit {
        languages.deinitialize()
        languages.deallocate()
    }

    /// The guess for post `index`, whose stored text is `text`, waiting for the thread to
    /// reach it; made now for a post the batch did not have.
    func language(of index: Int, text: String) -> String? {
        guard index >= 0, index < made.count, made[index] else { return ImportLanguage.guess(text) }
        if index >= seen {
            condition.lock()
            while ready <= index { condition.wait() }
            seen = ready
            condition.unlock()
        }
        return languages[index]
    }
}
