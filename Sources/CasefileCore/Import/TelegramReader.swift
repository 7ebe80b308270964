/// Reads Telegram Desktop's JSON export (`result.json`): one chat with `messages`, or a
/// full export with `chats.list[]` (and `left_chats.list[]`). Field names as tdesktop's
/// `export_output_json.cpp` writes them: `id`, `type` (`message` or `service`), `date`
/// (local time, no zone) and `date_unixtime`, `from`/`from_id`, `forwarded_from`,
/// `reply_to_message_id`, `edited`, and `text` as a string or a list mixing strings and
/// `{type, text}` entities.
enum TelegramReader {
    /// Reads `bytes` into `batch`.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, into batch: inout ImportBatch) {
        func problem(_ message: String, at offset: Int, hint: String?) {
            let position = TextPosition.of(offset, in: bytes)
            batch.problems.append(Diagnostic(file: batch.file, line: position.line, column: position.column, message: message, hint: hint))
        }
        let tape: JSONTape
        do {
            tape = try JSONTape.parse(bytes)
        } catch {
            problem("invalid JSON: \(error.message)", at: error.offset, hint: "export the chat again (Telegram Desktop: Export chat history, format JSON)")
            return
        }
        let root = tape.root
        batch.tool = "Telegram Desktop"
        do throws(JSONShapeError) {
            guard root.kind == .object else {
                throw JSONShapeError(message: "the file holds \(root.kindName), not a Telegram export object", offset: root.offset)
            }
            var chats: [(JSONValue, String)] = []
            if root["messages"] != nil { chats.append((root, "$")) }
            for group in ["chats", "left_chats"] {
                guard let holder = group == "chats" ? try root.object("chats", path: "$") : try root.object("left_chats", path: "$") else { continue }
                for (index, chat) in try holder.array("list", path: group).enumerated() { chats.append((chat, "\(group).list[\(index)]")) }
            }
            if chats.isEmpty {
                throw JSONShapeError(message: "no messages and no chats.list: not a Telegram Desktop export", offset: root.offset)
            }
            for (chat, path) in chats {
                readChat(chat, path: path, bytes: bytes, into: &batch)
            }
        } catch {
            problem(error.message, at: error.offset, hint: "is this Telegram Desktop's result.json (format JSON)?")
        }
    }

    private static func readChat(_ chat: JSONValue, path: String, bytes: UnsafeBufferPointer<UInt8>, into batch: inout ImportBatch) {
        func problem(_ message: String, _ offset: Int, _ hint: String?) {
            let position = TextPosition.of(offset, in: bytes)
            batch.problems.append(Diagnostic(file: batch.file, line: position.line, column: position.column, message: message, hint: hint))
        }
        let chatId = (try? chat.text("id", path: path)) ?? nil
        let messages: [JSONValue]
        do { messages = try chat.array("messages", path: path) } catch {
            problem(error.message, error.offset, nil)
            return
        }
        for (index, message) in messages.enumerated() {
            let messagePath = "\(path).messages[\(index)]"
            do throws(JSONShapeError) {
                if let post = try Self.post(message, path: messagePath, chat: chatId, skipped: &batch.skipped) {
                    batch.posts.append(post)
                }
            } catch {
                problem(error.message, error.offset, "--keep-going imports the other messages")
            }
        }
    }

    static func post(_ message: JSONValue, path: String, chat: String?, skipped: inout [String]) throws(JSONShapeError) -> ImportedPost? {
        guard message.kind == .object else {
            throw JSONShapeError(message: "\(path) is \(message.kindName), not a message object", offset: message.offset)
        }
        guard let id = try message.text("id", path: path) else { throw JSONShapeError(message: "\(path) has no id", offset: message.offset) }
        let type = try message.string("type", path: path) ?? "message"
        if type != "message" {
            let action = try message.string("action", path: path) ?? type
            skipped.append("\(path): a service message (\(action))")
            return nil
        }
        let (text, mentions) = try Self.text(message, path: path)
        let name = try message.string("from", path: path)
        let account = try message.text("from_id", path: path)
        let author = ImportedPerson(platform: "telegram", account: account, handle: nil, name: name)
        var date = try message.text("date_unixtime", path: path).flatMap { Int($0) }.map(Settings.iso)
        if date == nil { date = try message.string("date", path: path).flatMap { ISODate.isValid($0) ? $0 : nil } }
        let postId = (chat.map { $0 + "/" } ?? "") + id
        var post = ImportedPost(platform: "telegram", postId: postId, author: author, date: date, text: text)
        post.mentions = mentions
        if let reply = try message.text("reply_to_message_id", path: path) {
            post.references.append(PostReference(rel: "replies-to", postId: (chat.map { $0 + "/" } ?? "") + reply))
        }
        if let forwarded = try message.string("forwarded_from", path: path) { post.forwardedFrom = forwarded }
        post.location = path
        return post
    }

    /// The plain text of `text` (a string, or a list of strings and `{type, text}` entities),
    /// with the `@mentions` among its entities.
    static func text(_ message: JSONValue, path: String) throws(JSONShapeError) -> (String, [String]) {
        guard let value = message["text"], !value.isNull else { return ("", []) }
        if let plain = value.string { return (plain, []) }
        guard value.kind == .array else {
            throw JSONShapeError(message: "\(path).text is \(value.kindName), not a string or a list", offset: value.offset)
        }
        var text = ""
        var mentions: [String] = []
        for (index, part) in value.elements.enumerated() {
            if let plain = part.string {
                text += plain
            } else if part.kind == .object, let piece = try part.string("text", path: "\(path).text[\(index)]") {
                text += piece
                if try part.string("type", path: "\(path).text[\(index)]") == "mention" { mentions.append(piece) }
            } else {
                throw JSONShapeError(message: "\(path).text[\(index)] is \(part.kindName), not a string or an entity with text",
                                     offset: part.offset)
            }
        }
        return (text, mentions)
    }
}
