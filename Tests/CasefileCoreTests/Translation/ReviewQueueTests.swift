import CasefileCore
import CasefileTestSupport
import Testing

/// The translator's queue: `untranslated` and `review` oldest first, `next` walking them,
/// `status:` in search, `!=` and unknown fields in `list`.
@Suite("review queue")
struct ReviewQueueTests {
    /// Three Russian posts entered newest first, so Id order and date order differ.
    static func session(width: Int = 100) -> TranscriptSession {
        let session = TranscriptSession(width: width, user: "aigerim")
        session.setUp("""
            add person "Nurali Aitelenov" handle=@extremkz
            add person "Zhanna Baitelova" handle=@azh
            add post @azh 2014-03-01 "Март" lang=ru
            add post @extremkz 2014-02-05 "Акция против" lang=ru
            add post @extremkz 2014-02-04 "Завтра у Есимова" lang=ru
            add post @azh 2014-01-20 "Январь" lang=ru
            translate azh-2014-01-20 en "January" by=Dana status=final
            translate extremkz-2014-02-05 en "Action against" by=Dana
            translate azh-2014-03-01 en "March" by=Aigerim status=reviewed
            """)
        return session
    }

    @Test("untranslated lists by date, not by Id")
    func untranslatedByDate() {
        let session = Self.session()
        session.notebook.showsConfirmations = false
        session.check("""
            > untranslated en
            post         extremkz-2014-02-04  2014-02-04  aitelenov  ru  Завтра у Есимова
            1 without a translation into en
            """)
    }

    @Test("review lists what is not final, oldest original first, status and translator whole")
    func reviewQueue() {
        let session = Self.session(width: 60)
        let lines = session.replay("> review en").split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        guard lines.count == 4 else { return }
        #expect(lines[1].hasPrefix("2014-02-05  extremkz-2014-02-05.en  draft     Dana     Act"), "\(lines[1])")
        #expect(lines[2].hasPrefix("2014-03-01  azh-2014-03-01.en       reviewed  Aigerim  March"), "\(lines[2])")
        #expect(lines[3] == "2 translations into en to review")
        for line in lines { #expect(TextWidth.of(line) <= 60, "\(line)") }
        Self.session(width: 100).check("""
            > review status=draft by=dana
            2014-02-05  extremkz-2014-02-05.en  draft  Dana  Action against
            1 draft translation to review
            > review de
            no translations into de to review
            > review en status=done
            error: 'done' is not a status
             1 | review en status=done
               |           ^^^^^^^^^^^
              hint: use one of: draft, reviewed, final
            """)
    }

    @Test("next walks the queue oldest first and moves on after the work is done")
    func nextMovesOn() throws {
        let session = Self.session()
        let first = session.replay("> next en")
        #expect(first.contains("post extremkz-2014-02-04"))
        #expect(first.contains("next: 1 of 3 into en · translate extremkz-2014-02-04 en \"…\""))
        _ = session.replay("> translate extremkz-2014-02-04 en \"Tomorrow at Esimov's\"")
        let second = session.replay("> next en")
        #expect(second.contains("post extremkz-2014-02-05"))
        #expect(second.contains("extremkz-2014-02-05.en is draft: set extremkz-2014-02-05.en status=reviewed"))
        _ = session.replay("> set extremkz-2014-02-05.en status=reviewed")
        let third = session.replay("> next en")
        #expect(third.contains("post azh-2014-03-01"))
        #expect(third.contains("azh-2014-03-01.en is reviewed: set azh-2014-03-01.en status=final"))
        let fourth = session.replay("> next en")
        #expect(fourth.contains("(back to the oldest)"))
        #expect(fourth.contains("post extremkz-2014-02-04"))
    }

    @Test("set status= records the reviewer, and the logged line names them so a replay agrees")
    func reviewerRecorded() throws {
        let session = Self.session()
        _ = session.replay("> set extremkz-2014-02-05.en status=reviewed")
        let translation = try #require(session.notebook.caseFile["extremkz-2014-02-05.en"])
        #expect(translation["Reviewer"] == "aigerim")
        #expect(session.notebook.sessionLog.last == "set extremkz-2014-02-05.en status=reviewed reviewer=aigerim")
        _ = session.replay("> set extremkz-2014-02-05.en status=final reviewer=Dana")
        #expect(session.notebook.caseFile["extremkz-2014-02-05.en"]?["Reviewer"] == "Dana")
    }

    @Test("search status: filters translations, the same by index and by scan")
    func statusFilter() throws {
        let session = Self.session()
        let caseFile = session.notebook.caseFile
        func ids(_ text: String) throws -> [String] {
            let query = try SearchQuery.parse(text)
            let indexed = SearchIndex(caseFile: caseFile).search(query, in: caseFile).hits.map(\.id).sorted()
            let scanned = SearchScan.search(query, in: caseFile).hits.map(\.id).sorted()
            #expect(indexed == scanned, "index and scan disagree on \(text)")
            return indexed
        }
        #expect(try ids("status:draft") == ["extremkz-2014-02-05.en"])
        #expect(try ids("status:reviewed by:aigerim") == ["azh-2014-03-01.en"])
        #expect(try ids("-status:final kind:translation") == ["azh-2014-03-01.en", "extremkz-2014-02-05.en"])
        #expect(try ids("january status:final") == ["azh-2014-01-20.en"])
        let bad = session.replay("> search status:drafy")
        #expect(bad.contains("'drafy' is not a status"), "\(bad)")
        #expect(bad.contains("did you mean 'draft'?"), "\(bad)")
    }

    @Test("list takes FIELD!=VALUE, and a field no entry has is an error with a suggestion")
    func listFilters() {
        let session = Self.session()
        session.check("""
            > list translation status!=final
            translation  azh-2014-03-01.en       of azh-2014-03-01  en  reviewed  March
            translation  extremkz-2014-02-05.en  of extremkz-2014-02-05  en  draft  Action against
            2 entries
            > list translation staus=draft
            error: no translation has a field 'staus'
             1 | list translation staus=draft
               |                  ^^^^^^^^^^^
              hint: did you mean 'status'?
            > list staus!=draft
            error: no entry has a field 'staus'
             1 | list staus!=draft
               |      ^^^^^^^^^^^^
              hint: did you mean 'status'?
            """)
    }
}
