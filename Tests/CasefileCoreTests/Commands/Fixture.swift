import CasefileCore
import CasefileTestSupport
import Testing

/// A small case most command transcripts start from: a source, three people, two posts
/// (Russian and Kazakh), one translation, one link.
enum Fixture {
    static let script = """
        add source "Some Kazakh Bloggers Dine With Mayor" id=gv url=https://advox.globalvoices.org/x published=2014-02-08
        add person "Nurali Aitelenov" handle=@extremkz alias="IT-len-off Нурали" role=blogger tag=detained source=gv
        add person "Rinat Kibraev" tag=detained
        add person "Akhmetzhan Esimov" alias="Ахметжан Есимов" role="Mayor of Almaty"
        add post @extremkz 2014-02-04 "Завтра у #Есимов‘а на ланче…" lang=ru platform=twitter
        add post @extremkz 2014-02-05 "Қазақстан" lang=kk
        translate extremkz-2014-02-04 en "Tomorrow at #Esimov's lunch…" by="Global Voices" status=final
        link aitelenov detained-with kibraev
        """

    /// A transcript session on the fixture case.
    static func session(width: Int = 80, path: String? = nil) -> TranscriptSession {
        let session = TranscriptSession(path: path, width: width)
        session.setUp(script)
        return session
    }
}
