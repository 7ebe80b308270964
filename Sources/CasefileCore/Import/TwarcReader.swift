/// Reads twarc2 output: raw API pages (`data`, `includes`, `meta`, `errors`, `__twarc`,
/// one per line) and flattened tweets (`twarc2 flatten`: one tweet per line, `author`
/// inlined). Lines are independent: a bad one is a located problem, the rest still read.
enum TwarcReader {
    /// Reads the JSON lines of `bytes` into `batch`. Large files are read in pieces cut at
    /// line boundaries, on all cores, and the pieces' results joined in file order: the
    /// batch is the one a single pass would make.
    /// - Complexity: O(n) in the bytes.
    /// `parts`: how many pieces (by default, as many as pay on this machine).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, into batch: inout ImportBatch, parts: Int? = nil) {
        let pieces = LinePieces(bytes, parts: parts ?? LinePieces.parts(for: bytes.count))
        let template = {
            var empty = batch
            empty.people = []
            empty.posts = []
            empty.problems = []
            empty.skipped = []
            return empty
        }()
        let read = Parallel.map(pieces.count) { index -> ImportBatch in
            var reader = TwarcPageReader(batch: template)
            pieces.forEachLine(of: index) { slice, number in
                if !slice.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) {
                    reader.readLine(slice, number: number)
                }
            }
            return reader.batch
        }
        for piece in read { batch.join(piece) }
        if batch.posts.isEmpty && batch.people.isEmpty && batch.problems.isEmpty {
            batch.problems.append(Diagnostic(file: batch.file, line: 0, message: "no tweets or users in the file",
                                             hint: "twarc2 writes one JSON object per line: is this the right file?"))
        }
    }
}

extension ImportBatch {
    /// Appends what a reader found in the next piece of the same file: its records in
    /// order; the first tool named; the earliest retrieval day.
    mutating func join(_ piece: ImportBatch) {
        people += piece.people
        posts += piece.posts
        problems += piece.problems
        skipped += piece.skipped
        if tool == nil { tool = piece.tool }
        if let day = piece.retrieved, retrieved.map({ day < $0 }) ?? true { retrieved = day }
    }
}

/// The state of a twarc read: the batch so far and the tool's version.
struct TwarcPageReader {
    var batch: ImportBatch

    mutating func readLine(_ slice: UnsafeBufferPointer<UInt8>, number: Int) {
        func problem(_ message: String, at offset: Int, hint: String?) {
            let column = TextPosition.of(offset, in: slice).column
            batch.problems.append(Diagnostic(file: batch.file, line: number, column: column, message: message, hint: hint))
        }
        let tape: JSONTape
        do {
            tape = try JSONTape.parse(slice)
        } catch {
            problem("invalid JSON: \(error.message)", at: error.offset,
                    hint: "the line may be cut short (an interrupted twarc run); --keep-going imports the other lines")
            return
        }
        do {
            try readRecord(tape.root, line: number)
        } catch {
            problem(error.message, at: error.offset, hint: "is this twarc2 output? (twarc2 search, timeline, hydrate or flatten)")
        }
    }

    private mutating func readRecord(_ root: JSONValue, line: Int) throws(JSONShapeError) {
        guard root.kind == .object else {
            throw JSONShapeError(message: "the line holds \(root.kindName), not a twarc object", offset: root.offset)
        }
        if let meta = try root.object("__twarc", path: "") {
            if batch.tool == nil, let version = try meta.string("version", path: "__twarc") { batch.tool = "twarc " + version }
            if let retrieved = try meta.string("retrieved_at", path: "__twarc"), let date = ISOTime.normalized(retrieved) {
                let day = String(date.prefix(10))
                if batch.retrieved.map({ day < $0 }) ?? true { batch.retrieved = day }
            }
        }
        if let data = root["data"] {
            var users: [String: ImportedPerson] = [:]
            if let includes = try root.object("includes", path: "") {
                for (index, user) in try includes.array("users", path: "includes").enumerated() {
                    let person = try Self.person(user, path: "includes.users[\(index)]")
                    if let account = person.account { users[account] = person }
                }
            }
            var items: [JSONValue]
            switch data.kind {
            case .array: items = data.elements
            case .object: items = [data]
            default: throw JSONShapeError(message: "data is \(data.kindName), not an array or object", offset: data.offset)
            }
            for (index, item) in items.enumerated() {
                let path = data.kind == .array ? "data[\(index)]" : "data"
                guard item.kind == .object else {
                    throw JSONShapeError(message: "\(path) is \(item.kindName), not an object", offset: item.offset)
                }
                if item["text"] == nil, item["username"] != nil {
                    batch.people.append(try Self.person(item, path: path))
                } else {
                    batch.posts.append(try Self.post(item, path: path, users: users, line: line))
                }
            }
            if let includes = try root.object("includes", path: "") {
                for (index, tweet) in try includes.array("tweets", path: "includes").enumerated() {
                    batch.posts.append(try Self.post(tweet, path: "includes.tweets[\(index)]", users: users, line: line))
                }
            }
            return
        }
        if root["author"] != nil || (root["text"] != nil && root["id"] != nil) {
            try readFlat(root, line: line)
            return
        }
        if root["username"] != nil, root["id"] != nil {
            batch.people.append(try Self.person(root, path: "$"))
            return
        }
        if let errors = root["errors"], errors.kind == .array {
            let first = errors.elements.first
            let what = (try? first?.string("detail", path: "errors[0]")) ?? (try? first?.string("title", path: "errors[0]")) ?? nil
            batch.skipped.append("line \(line): an API error" + (what.map { ": " + $0 } ?? ""))
            return
        }
        throw JSONShapeError(message: "not a twarc record: no data, no tweet, no user", offset: root.offset)
    }

    /// A flattened tweet: its author, and the tweets it references, inlined.
    private mutating func readFlat(_ root: JSONValue, line: Int) throws(JSONShapeError) {
        var users: [String: ImportedPerson] = [:]
        if let author = try root.object("author", path: "$") {
            let person = try Self.person(author, path: "author")
            if let account = person.account { users[account] = person }
        }
        for (index, reference) in try root.array("referenced_tweets", path: "$").enumerated() {
            guard reference.kind == .object, reference["text"] != nil else { continue }
            let path = "referenced_tweets[\(index)]"
            var referenceUsers: [String: ImportedPerson] = [:]
            if let author = try reference.object("author", path: path) {
                let person = try Self.person(author, path: path + ".author")
                if let account = person.account { referenceUsers[account] = person }
            }
            batch.posts.append(try Self.post(reference, path: path, users: referenceUsers, line: line))
        }
        batch.posts.append(try Self.post(root, path: "$", users: users, line: line))
    }

    static func person(_ user: JSONValue, path: String) throws(JSONShapeError) -> ImportedPerson {
        guard user.kind == .object else {
            throw JSONShapeError(message: "\(path) is \(user.kindName), not an object", offset: user.offset)
        }
        let handle = try user.string("username", path: path).map { "@" + $0 }
        return ImportedPerson(platform: "twitter", account: try user.text("id", path: path), handle: handle,
                              name: try user.string("name", path: path))
    }

    static func post(_ tweet: JSONValue, path: String, users: [String: ImportedPerson], line: Int) throws(JSONShapeError) -> ImportedPost {
        guard tweet.kind == .object else {
            throw JSONShapeError(message: "\(path) is \(tweet.kindName), not an object", offset: tweet.offset)
        }
        guard let id = try tweet.text("id", path: path) else {
            throw JSONShapeError(message: "\(path) has no id", offset: tweet.offset)
        }
        guard let text = try tweet.string("text", path: path) else {
            throw JSONShapeError(message: "\(path) (tweet \(id)) has no text", offset: tweet.offset)
        }
        let authorId = try tweet.text("author_id", path: path)
        let author = authorId.flatMap { users[$0] } ?? ImportedPerson(platform: "twitter", account: authorId)
        let date = try tweet.string("created_at", path: path).flatMap(ISOTime.normalized)
        var post = ImportedPost(platform: "twitter", postId: id, author: author, date: date, text: text)
        post.lang = PlatformLanguage.tag(try tweet.string("lang", path: path))
        post.url = author.handle.map { "https://twitter.com/\($0.dropFirst())/status/\(id)" }
            ?? "https://twitter.com/i/web/status/\(id)"
        for (index, reference) in try tweet.array("referenced_tweets", path: path).enumerated() {
            let referencePath = "\(path).referenced_tweets[\(index)]"
            guard let type = try reference.string("type", path: referencePath),
                  let referenced = try reference.text("id", path: referencePath) else { continue }
            let rel: String
            switch type {
            case "replied_to": rel = "replies-to"
            case "quoted": rel = "quotes"
            case "retweeted": rel = "reposts"
            default: continue
            }
            post.references.append(PostReference(rel: rel, postId: referenced))
        }
        if let entities = try tweet.object("entities", path: path) {
            for (index, mention) in try entities.array("mentions", path: path + ".entities").enumerated() {
                if let name = try mention.string("username", path: "\(path).entities.mentions[\(index)]") {
                    post.mentions.append("@" + name)
                }
            }
        }
        for (index, value) in try tweet.array("edit_history_tweet_ids", path: path).enumerated() {
            guard let earlier = value.text else {
                throw JSONShapeError(message: "\(path).edit_history_tweet_ids[\(index)] is \(value.kindName), not an id", offset: value.offset)
            }
            if earlier != id { post.earlierIds.append(earlier) }
        }
        post.location = "line \(line)"
        return post
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
