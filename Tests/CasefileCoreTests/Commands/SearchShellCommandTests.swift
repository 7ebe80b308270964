import CasefileTestSupport
import Testing
@testable import CasefileCore

/// The shell's `search`: the index is built once and follows every change, undo and redo.
@Suite struct SearchShellCommandTests {
    @Test func findsAcrossScriptsAndFollowsChanges() {
        assertTranscript("""
            > add person "Ахметжан Есимов" role=mayor
            added person esimov: Ахметжан Есимов
            > add post esimov 2014-02-04 lang=ru "Встреча с блогерами в Алматы"
            added post esimov-2014-02-04: Встреча с блогерами в Алматы
            > search Esimov kind:person
            person esimov  Ахметжан Есимов · mayor
            1 hit
            > search almaty
            post   esimov-2014-02-04 ru  Встреча с блогерами в Алматы
            1 hit
            > rename esimov yesimov
            renamed esimov to yesimov (1 reference rewritten)
            > search Есимова kind:person
            person yesimov  Ахметжан Есимов · mayor
            1 hit
            > undo
            undid: rename esimov yesimov
            > search Есимова kind:person
            person esimov  Ахметжан Есимов · mayor
            1 hit
            > rm esimov-2014-02-04
            removed post esimov-2014-02-04
            > search almaty
            no hits
            """)
    }

    @Test func theFirstSearchOfALargeCaseSaysItIsIndexing() {
        let session = TranscriptSession()
        session.notebook.indexes.searchIndexingRemarkFloor = 2
        session.check("""
            > add person "Ахметжан Есимов"
            added person esimov: Ахметжан Есимов
            > add person "Nurali Aitelenov"
            added person aitelenov: Nurali Aitelenov
            > search esimov
            indexing 2 entries for search (once a session)…
            person esimov  Ахметжан Есимов
            1 hit
            > search esimov
            person esimov  Ахметжан Есимов
            1 hit
            """)
    }

    @Test func aBadQueryPointsAtTheProblem() {
        assertTranscript("""
            > search kind:psot
            error: unknown kind 'psot'
             1 | search kind:psot
               |             ^^^^
              hint: kinds are person, post, quote, translation, source (notes are searched with their entry)
            > search
            error: search needs QUERY
             1 | search
               |       ^
              hint: usage: search QUERY… [--limit N] [--exact]
            """)
    }
}
