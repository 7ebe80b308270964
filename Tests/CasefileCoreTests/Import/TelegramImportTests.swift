import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

@Suite("import telegram")
struct TelegramImportTests {
    /// A chat as Telegram Desktop exports it (fields of tdesktop's export_output_json.cpp).
    static let chat = #"""
        {
         "name": "Алматы блогеры",
         "type": "public_supergroup",
         "id": 1234567890,
         "messages": [
          {"id": 1, "type": "service", "date": "2014-02-04T09:00:00", "date_unixtime": "1391504400",
           "actor": "Нурали Айтеленов", "actor_id": "user111", "action": "create_group", "title": "Алматы блогеры", "text": "", "text_entities": []},
          {"id": 2, "type": "message", "date": "2014-02-04T15:05:00", "date_unixtime": "1391526300",
           "from": "Нурали Айтеленов", "from_id": "user111", "text": "Завтра у Есимова на ланче…", "text_entities": [{"type": "plain", "text": "Завтра у Есимова на ланче…"}]},
          {"id": 3, "type": "message", "date": "2014-02-05T10:00:00", "date_unixtime": "1391594400", "edited": "2014-02-05T10:01:00", "edited_unixtime": "1391594460",
           "from": "Марина Андрейченко", "from_id": "user222", "reply_to_message_id": 2,
           "text": ["Судя по встрече ", {"type": "mention", "text": "@extremkz"}, ", ", {"type": "hashtag", "text": "#есимовжги"}],
           "text_entities": []},
          {"id": 4, "type": "message", "date": "2014-02-05T11:00:00", "date_unixtime": "1391598000",
           "from": "Марина Андрейченко", "from_id": "user222", "forwarded_from": "Vlast.kz", "text": "Акция против продажных блоггеров"}
         ]
        }
        """#

    @Test("string and entity-list texts, a reply, a forward, a service message and Cyrillic names")
    func oneChat() throws {
        let harness = try ImportHarness()
        harness.expectSuccess("add person \"Nurali Aitelenov\" handle=@extremkz")
        let file = try harness.folder.write("result.json", Self.chat)
        let printed = harness.expectSuccess("import auto \(file)")
        #expect(printed.contains("+2 person, +3 post, +1 source, +2 link, 1 skipped: $.messages[0]: a service message (create_group)"),
                "\(printed)")
        let people = harness.entries(.person).filter { $0["AccountId"] != nil }
        #expect(Set(people.map(\.name)) == ["Нурали Айтеленов", "Марина Андрейченко"])
        #expect(people.contains { $0.id == "andreychenko" && $0["AccountId"] == "telegram:user222" })
        let posts = harness.entries(.post)
        let reply = try #require(posts.first { $0["PostId"] == "telegram:1234567890/3" })
        #expect(reply.text == "Судя по встрече @extremkz, #есимовжги")
        #expect(reply["Date"] == "2014-02-05T10:00:00Z")
        #expect(reply.lang == "ru" && reply["Platform"] == "telegram")
        let original = try #require(posts.first { $0["PostId"] == "telegram:1234567890/2" })
        #expect(harness.notebook.caseFile.links[LinkKey(from: reply.id, rel: "replies-to", to: original.id)] != nil)
        #expect(harness.notebook.caseFile.links[LinkKey(from: reply.id, rel: "mentions", to: "aitelenov")] != nil)
        let forward = try #require(posts.first { $0["PostId"] == "telegram:1234567890/4" })
        #expect(forward["ForwardedFrom"] == "Vlast.kz")
        #expect(harness.expectSuccess("import telegram \(file)").hasPrefix("nothing new, 3 already present"))
    }

    @Test("a full export's chats.list is read; a text of a wrong shape is located by its JSON path")
    func fullExportAndBadShape() throws {
        let harness = try ImportHarness()
        let full = "{\"personal_information\": {\"first_name\": \"Me\"}, \"chats\": {\"about\": \"\", \"list\": [\(Self.chat)]}}"
        let file = try harness.folder.write("full.json", full)
        #expect(harness.expectSuccess("import telegram \(file)").contains("+3 post"))
        let bad = try harness.folder.write("bad.json", #"{"id": 5, "messages": [{"id": 1, "type": "message", "text": 42}]}"#)
        let result = harness.run("import telegram \(bad)")
        #expect(result.errors.first?.contains("bad.json:1:61: error: $.messages[0].text is a number, not a string or a list") == true,
                "\(result.errors)")
    }
}
