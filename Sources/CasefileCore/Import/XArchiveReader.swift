import Foundation
import ZIPFoundation

/// Reads the X/Twitter account archive: `data/tweets.js` (older archives: `tweet.js`) and
/// `tweets-part1.js`…, each `window.YTD.tweets.part0 = [ {"tweet": {…}} ]`, with the owner
/// from `data/account.js`. Dates are `Wed Oct 10 20:19:24 +0000 2018`, counts strings.
enum XArchiveReader {
    /// The archive unpacked in `path`. Its SHA-256 is that of the lines `SHA256  NAME`
    /// of the files read, in name order (what `sha256sum` prints for them).
    static func readFolder(_ path: String) throws(ImportFileError) -> ImportBatch {
        let data = path + "/data"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: data)) ?? []).filter(isWanted).sorted()
        var files: [(String, [UInt8])] = []
        for name in names {
            do { files.append(("data/" + name, try FileBytes.read(data + "/" + name))) } catch {
                throw ImportFileError(description: error.description, hint: nil)
            }
        }
        let listing = files.map { "\(SHA256Digest.sha256($0.1))  \($0.0)\n" }.joined()
        return try read(files, archive: path, sha256: SHA256Digest.sha256(Array(listing.utf8)))
    }

    /// The archive's zip at `path`, whose SHA-256 is `sha256`.
    static func readZip(_ path: String, sha256: String) throws(ImportFileError) -> ImportBatch {
        var files: [(String, [UInt8])] = []
        do {
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            for entry in archive where entry.type == .file {
                let name = entry.path.split(separator: "/").suffix(2).joined(separator: "/")
                guard name.hasPrefix("data/"), isWanted(String(name.dropFirst(5))) else { continue }
                var bytes: [UInt8] = []
                _ = try archive.extract(entry, skipCRC32: false) { chunk in bytes.append(contentsOf: chunk) }
                files.append((name, bytes))
            }
        } catch {
            throw ImportFileError(description: "cannot read the zip \(path): \(error)", hint: "is it the archive X sent, complete?")
        }
        files.sort { $0.0 < $1.0 }
        return try read(files, archive: path, sha256: sha256)
    }

    private static func isWanted(_ name: String) -> Bool {
        name == "account.js" || name == "tweets.js" || name == "tweet.js" || (name.hasPrefix("tweets-part") && name.hasSuffix(".js"))
    }

    private static func read(_ files: [(String, [UInt8])], archive: String, sha256: String) throws(ImportFileError) -> ImportBatch {
        guard files.contains(where: { $0.0 != "data/account.js" }) else {
            throw ImportFileError(description: "\(archive) has no data/tweets.js", hint: "give the X archive's zip or the folder it unpacks to")
        }
        var batch = ImportBatch(file: archive, format: .xArchive, sha256: sha256, title: (archive as NSString).lastPathComponent)
        batch.tool = "X archive"
        var owner = ImportedPerson(platform: "twitter")
        for (name, bytes) in files where name == "data/account.js" {
            bytes.withUnsafeBufferPointer { buffer in
                guard let (items, _) = parse(buffer, name: archive + "/" + name, into: &batch) else { return }
                for item in items {
                    guard let account = item["account"] else { continue }
                    owner.account = (try? account.text("accountId", path: "account")) ?? nil
                    owner.handle = ((try? account.string("username", path: "account")) ?? nil).map { "@" + $0 }
                    owner.name = (try? account.string("accountDisplayName", path: "account")) ?? nil
                }
            }
        }
        if owner.account != nil || owner.handle != nil { batch.people.append(owner) }
        for (name, bytes) in files where name != "data/account.js" {
            bytes.withUnsafeBufferPointer { buffer in
                guard let (items, base) = parse(buffer, name: archive + "/" + name, into: &batch) else { return }
                for (index, item) in items.enumerated() {
                    let path = "[\(index)]"
                    do throws(JSONShapeError) {
                        guard let tweet = try item.object("tweet", path: path) else {
                            throw JSONShapeError(message: "\(path) has no tweet", offset: item.offset)
                        }
                        batch.posts.append(try post(tweet, path: path + ".tweet", owner: owner, file: name))
                    } catch {
                        let position = TextPosition.of(error.offset + base, in: buffer)
                        batch.problems.append(Diagnostic(file: archive + "/" + name, line: position.line, column: position.column,
                                                         message: error.message, hint: "--keep-going imports the other tweets"))
                    }
                }
            }
        }
        return batch
    }

    /// The array after `window.YTD.….part0 =`, or nil after recording a problem.
    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, name: String, into batch: inout ImportBatch) -> ([JSONValue], Int)? {
        guard let equals = buffer.firstIndex(of: UInt8(ascii: "=")), buffer.starts(with: Array("window.YTD.".utf8)) else {
            batch.problems.append(Diagnostic(file: name, line: 1, column: 1, message: "not an X archive file (no 'window.YTD.… =')"))
            return nil
        }
        let json = UnsafeBufferPointer(rebasing: buffer[(equals + 1)...])
        do {
            let tape = try JSONTape.parse(json)
            guard tape.root.kind == .array else {
                batch.problems.append(Diagnostic(file: name, line: 1, column: 1, message: "expected an array after '='"))
                return nil
            }
            // Offsets in the tape count from after '=': the caller's positions use the whole file.
            return (tape.root.elements, equals + 1)
        } catch {
            let position = TextPosition.of(error.offset + equals + 1, in: buffer)
            batch.problems.append(Diagnostic(file: name, line: position.line, column: position.column, message: "invalid JSON: \(error.message)"))
            return nil
        }
    }

    private static func post(_ tweet: JSONValue, path: String, owner: ImportedPerson, file: String) throws(JSONShapeError) -> ImportedPost {
        var found = try tweet.text("id_str", path: path)
        if found == nil { found = try tweet.text("id", path: path) }
        guard let id = found else {
            throw JSONShapeError(message: "\(path) has no id_str", offset: tweet.offset)
        }
        var fullText = try tweet.string("full_text", path: path)
        if fullText == nil { fullText = try tweet.string("text", path: path) }
        guard let text = fullText else {
            throw JSONShapeError(message: "\(path) (tweet \(id)) has no full_text", offset: tweet.offset)
        }
        let date = try tweet.string("created_at", path: path).flatMap(ISOTime.fromTwitterClassic)
        var post = ImportedPost(platform: "twitter", postId: id, author: owner, date: date, text: text)
        post.lang = PlatformLanguage.tag(try tweet.string("lang", path: path))
        post.url = owner.handle.map { "https://twitter.com/\($0.dropFirst())/status/\(id)" } ?? "https://twitter.com/i/web/status/\(id)"
        if let reply = try tweet.text("in_reply_to_status_id_str", path: path) {
            post.references.append(PostReference(rel: "replies-to", postId: reply))
        }
        if let entities = try tweet.object("entities", path: path) {
            for (index, mention) in try entities.array("user_mentions", path: path + ".entities").enumerated() {
                if let name = try mention.string("screen_name", path: "\(path).entities.user_mentions[\(index)]") { post.mentions.append("@" + name) }
            }
        }
        if let edit = try tweet.object("edit_info", path: path), let initial = try edit.object("initial", path: path + ".edit_info") {
            for value in try initial.array("editTweetIds", path: path + ".edit_info.initial") {
                if let other = value.text, other != id { post.earlierIds.append(other) }
            }
        }
        post.location = "\(file) \(path)"
        return post
    }
}
