import CasefileCore
import CasefileTestSupport
import Testing

@Suite("Resolving Ids, @handles and prefixes")
struct ResolveTests {
    @Test("an exact Id, a @handle (any case), an unambiguous prefix, an upper-case Id")
    func accepted() {
        let session = Fixture.session()
        session.check("""
            > tag @EXTREMKZ a
            aitelenov tags: detained, a
            > tag kib b
            kibraev tags: detained, b
            > tag extremkz-2014-02-05 c
            extremkz-2014-02-05 tags: c
            > tag ESIMOV d
            esimov tags: d
            > tag extremkz-2014-02-04. e
            extremkz-2014-02-04.en tags: e
            """)
    }

    @Test("an ambiguous prefix lists the candidates; an unknown Id or handle says what to do")
    func refused() {
        Fixture.session().check("""
            > show extremkz
            error: 'extremkz' is ambiguous: it starts 3 Ids
             1 | show extremkz
               |      ^^^^^^^^
              hint: did you mean one of: extremkz-2014-02-04, extremkz-2014-02-04.en, extremkz-2014-02-05?
            > show e
            error: 'e' is ambiguous: it starts 4 Ids
             1 | show e
               |      ^
              hint: did you mean one of: esimov, extremkz-2014-02-04, extremkz-2014-02-04.en, extremkz-2014-02-05?
            > add post extremkz 2014-02-09 "x"
            error: no person 'extremkz'
             1 | add post extremkz 2014-02-09 "x"
               |          ^^^^^^^^
              hint: list the Ids with: list person
            > show @nobody
            error: no person has the handle @nobody
             1 | show @nobody
               |      ^^^^^^^
              hint: add it with: add person NAME handle=@nobody
            > show ""
            error: an empty Id
             1 | show ""
               |      ^^
              hint: name an entry by its Id or @handle
            > show zzz
            error: no entry 'zzz'
             1 | show zzz
               |      ^^^
              hint: list the Ids with: list
            """)
    }

    @Test("a handle shared by two people is refused with both Ids")
    func sharedHandle() {
        let session = Fixture.session()
        session.setUp("set kibraev handle=@extremkz")
        session.check("""
            > show @extremkz
            error: @extremkz is the handle of several people
             1 | show @extremkz
               |      ^^^^^^^^^
              hint: use one of the Ids: aitelenov, kibraev
            """)
    }

    @Test("with more candidates than shown, the count says so")
    func manyCandidates() {
        let session = TranscriptSession()
        var script = ""
        for index in 1...250 { script += "add person \"P \(index)\" id=p\(index)\n" }
        session.setUp(script)
        session.check("""
            > show p2
            person p2 — P 2
            > show P24
            person p24 — P 24
            > show p
            error: 'p' is ambiguous: it starts more than 200 Ids
             1 | show p
               |      ^
              hint: did you mean one of: p1, p10, p100, p101, p102, p103, p104, p105, …?
            """)
    }
}
