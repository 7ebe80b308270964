import Foundation

/// Writes twarc2 raw API pages of realistic tweets: 100 a page, 10k authors, replies,
/// mentions, hashtags, URLs, metrics and annotations as the v2 API returns them.
enum TwarcPages {
    /// Writes `tweets` tweets to `path`; returns the file's size.
    static func write(tweets: Int, to path: String) -> Int {
        var out = ""
        out.reserveCapacity(tweets * 2200)
        let words = ["Алматы", "блогеры", "встреча", "аким", "Есимов", "сегодня", "the", "mayor", "lunch", "bloggers",
                     "detained", "Қазақстан", "жиналыс", "police", "court", "свобода", "слова", "posters", "restaurant"]
        var page: [String] = []
        var users: [Int: String] = [:]
        for index in 0..<tweets {
            let id = 1_400_000_000_000_000_000 + index
            let author = (index * 7919) % 10_000
            let mentioned = (author + 17) % 10_000
            var text = "@user\(mentioned) "
            for word in 0..<(12 + index % 14) { text += words[(index + word * 5) % words.count] + " " }
            text += "#KAZ https://t.co/x\(index % 9999)"
            let lang = ["ru", "en", "kk", "und"][index % 4]
            let second = index % 60, minute = (index / 60) % 60, hour = (index / 3600) % 24
            let created = String(format: "2021-05-%02d T%02d:%02d:%02d.000Z", 1 + index / 86_400 % 28, hour, minute, second)
                .replacingOccurrences(of: " ", with: "")
            var reference = ""
            if index % 5 == 4 { reference = #""referenced_tweets": [{"type": "replied_to", "id": "\#(id - 1)"}], "in_reply_to_user_id": "\#(author)", "# }
            page.append(#"{"id": "\#(id)", "text": "\#(text)", "author_id": "\#(author)", "created_at": "\#(created)", "lang": "\#(lang)", "conversation_id": "\#(id)", \#(reference)"possibly_sensitive": false, "reply_settings": "everyone", "source": "Twitter for Android", "edit_history_tweet_ids": ["\#(id)"], "edit_controls": {"edits_remaining": 5, "is_edit_eligible": true, "editable_until": "2021-05-01T10:00:00.000Z"}, "public_metrics": {"retweet_count": \#(index % 97), "reply_count": \#(index % 13), "like_count": \#(index % 211), "quote_count": \#(index % 7), "impression_count": \#(index % 5000)}, "entities": {"mentions": [{"start": 0, "end": 10, "username": "user\#(mentioned)", "id": "\#(mentioned)"}], "hashtags": [{"start": 100, "end": 104, "tag": "KAZ"}], "urls": [{"start": 105, "end": 128, "url": "https://t.co/x\#(index % 9999)", "expanded_url": "https://example.org/news/\#(index)", "display_url": "example.org/news/\#(index)"}]}, "context_annotations": [{"domain": {"id": "123", "name": "Ongoing News Story", "description": "Ongoing News Stories like 'Brexit'"}, "entity": {"id": "1220701888179359745", "name": "Kazakhstan politics"}}, {"domain": {"id": "10", "name": "Person", "description": "Named people in the world like Nelson Mandela"}, "entity": {"id": "10038764303", "name": "Akhmetzhan Esimov"}}]}"#)
            for user in [author, mentioned] where users[user] == nil {
                users[user] = #"{"id": "\#(user)", "username": "user\#(user)", "name": "Пользователь \#(user)", "created_at": "2012-03-04T05:06:07.000Z", "description": "Журналист, Алматы. Opinions my own.", "location": "Almaty", "protected": false, "verified": false, "url": "", "profile_image_url": "https://pbs.twimg.com/profile_images/\#(user)/a_normal.jpg", "public_metrics": {"followers_count": \#(user % 3000), "following_count": 300, "tweet_count": 5000, "listed_count": 3}}"#
            }
            if page.count == 100 || index == tweets - 1 {
                out += #"{"data": [\#(page.joined(separator: ", "))], "includes": {"users": [\#(users.values.joined(separator: ", "))]}, "meta": {"newest_id": "\#(id)", "oldest_id": "\#(id - page.count + 1)", "result_count": \#(page.count), "next_token": "b26v89c19zqg8o3fpds"}, "__twarc": {"url": "https://api.twitter.com/2/tweets/search/all?query=%23KAZ&max_results=100", "version": "2.14.0", "retrieved_at": "2023-01-06T02:30:36+00:00"}}"# + "\n"
                page.removeAll(keepingCapacity: true)
                users.removeAll(keepingCapacity: true)
            }
        }
        FileManager.default.createFile(atPath: path, contents: Data(out.utf8))
        return out.utf8.count
    }
}
