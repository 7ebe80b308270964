import CasefileCore
import CasefileTestSupport
import Foundation
import Testing

@Suite("import x-archive")
struct XArchiveImportTests {
    static let account = #"""
        window.YTD.account.part0 = [
          {
            "account" : {
              "email" : "someone@example.org",
              "createdVia" : "web",
              "username" : "extremkz",
              "accountId" : "2244994945",
              "createdAt" : "2012-02-01T10:00:00.000Z",
              "accountDisplayName" : "IT-len-off Нурали"
            }
          }
        ]
        """#
    static let tweets = #"""
        window.YTD.tweets.part0 = [
          {
            "tweet" : {
              "edit_info" : { "initial" : { "editTweetIds" : [ "430710000000000001" ], "editableUntil" : "2014-02-04T15:35:00.000Z", "editsRemaining" : "5", "isEditEligible" : false } },
              "retweeted" : false,
              "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
              "entities" : { "hashtags" : [ ], "symbols" : [ ], "user_mentions" : [ ], "urls" : [ ] },
              "favorite_count" : "3",
              "id_str" : "430710000000000001",
              "retweet_count" : "1",
              "id" : "430710000000000001",
              "created_at" : "Tue Feb 04 15:05:24 +0000 2014",
              "full_text" : "Завтра у #Есимов‘а на ланче… #Алматы #KAZ #аким #ЕсимовЖГИ",
              "lang" : "ru"
            }
          },
          {
            "tweet" : {
              "in_reply_to_status_id_str" : "430710000000000001",
              "entities" : { "user_mentions" : [ { "name" : "Yakov", "screen_name" : "YakovFedorov", "id_str" : "99" } ] },
              "favorite_count" : "0",
              "id_str" : "430990000000000002",
              "created_at" : "Wed Feb 05 09:40:00 +0000 2014",
              "full_text" : "Акция против продажных блоггеров @YakovFedorov",
              "lang" : "ru"
            }
          }
        ]
        """#

    @Test("the archive folder and its zip import the owner and the tweets, with times, replies and mentions")
    func folderAndZip() throws {
        let harness = try ImportHarness()
        let archive = harness.folder.file("twitter-2024")
        try FileManager.default.createDirectory(atPath: archive + "/data", withIntermediateDirectories: true)
        try Self.account.write(toFile: archive + "/data/account.js", atomically: false, encoding: .utf8)
        try Self.tweets.write(toFile: archive + "/data/tweets.js", atomically: false, encoding: .utf8)
        harness.expectSuccess("add person YakovFedorov handle=@YakovFedorov")
        let printed = harness.expectSuccess("import auto \(archive)")
        #expect(printed.contains("+1 person, +2 post, +1 source, +2 link"), "\(printed)")
        let owner = try #require(harness.notebook.caseFile.entries["extremkz"])
        #expect(owner["AccountId"] == "twitter:2244994945" && owner.name == "IT-len-off Нурали")
        let first = try #require(harness.notebook.caseFile.entries["extremkz-2014-02-04"])
        #expect(first["Date"] == "2014-02-04T15:05:24Z" && first.lang == "ru")
        #expect(first["Url"] == "https://twitter.com/extremkz/status/430710000000000001")
        #expect(harness.notebook.caseFile.links[LinkKey(from: "extremkz-2014-02-05", rel: "replies-to", to: first.id)] != nil)
        #expect(harness.notebook.caseFile.links[LinkKey(from: "extremkz-2014-02-05", rel: "mentions", to: "yakovfedorov")] != nil)
        guard let python = ExternalReader.python, try ExternalReader.require(true, "python for zipfile") else { return }
        let zip = harness.folder.file("archive.zip")
        let made = try ProcessRunner.run(python, ["-c", "import shutil,sys; shutil.make_archive(sys.argv[1], 'zip', sys.argv[2])",
                                                  String(zip.dropLast(4)), archive])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(harness.expectSuccess("import x-archive \(zip)").hasPrefix("+1 source, 2 already present"))
    }

    @Test("a broken tweets.js is located in its file")
    func broken() throws {
        let harness = try ImportHarness()
        let archive = harness.folder.file("broken")
        try FileManager.default.createDirectory(atPath: archive + "/data", withIntermediateDirectories: true)
        try "window.YTD.tweets.part0 = [\n  { \"tweet\" : { \"id_str\" : \"1\", \"full_text\" : 5 } }\n]\n"
            .write(toFile: archive + "/data/tweets.js", atomically: false, encoding: .utf8)
        let result = harness.run("import x-archive \(archive)")
        #expect(result.errors.first?.contains("broken/data/tweets.js:2:47: error: [0].tweet.full_text is a number, not a string") == true,
                "\(result.errors)")
    }
}
