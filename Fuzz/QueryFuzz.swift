// libFuzzer target for the search query parser, compiled together with CasefileCore's
// sources by scripts/fuzz.sh.
//
// Properties, each a crash when broken so libFuzzer keeps the input:
// - parsing any text never traps; an error's column lies inside the query (or just past
//   it) and its caret lines can be drawn;
// - a query that parses runs on a small mixed-script case through the index and through
//   a plain scan, with and without a limit, and both give the same hits, scores, snippets
//   and totals; the result lines can be drawn.

/// A small case: Russian, Kazakh and English posts with hashtags and mentions, people,
/// a translation, a quote, a note, tags.
let queryFuzzCase: CaseFile = {
    var caseFile = CaseFile(title: "fuzz")
    caseFile.put(Entry(kind: .person, id: "aitelenov", fields: [
        Field("Name", "Nurali Aitelenov"), Field("Handle", "@extremkz"), Field("Alias", "IT-len-off Нурали"),
        Field("Tag", "detained"),
    ]))
    caseFile.put(Entry(kind: .person, id: "esimov", fields: [Field("Name", "Ахметжан Есимов"), Field("Tag", "mayor")]))
    caseFile.put(Entry(kind: .post, id: "extremkz-2014-02-04", fields: [
        Field("Author", "aitelenov"), Field("Date", "2014-02-04"), Field("Lang", "ru"),
        Field("Text", "Завтра у #Есимов‘а на ланче… #Алматы #KAZ @prediktor"),
    ]))
    caseFile.put(Entry(kind: .post, id: "extremkz-2014-02-05", fields: [
        Field("Author", "aitelenov"), Field("Date", "2014-02-05"), Field("Lang", "kk"),
        Field("Text", "Әкім блогерлер ұсталды Алматы қаласында"), Field("Tag", "free speech"),
    ]))
    caseFile.put(Entry(kind: .translation, id: "extremkz-2014-02-04.en", fields: [
        Field("Of", "extremkz-2014-02-04"), Field("Lang", "en"), Field("By", "Global Voices"),
        Field("Text", "Tomorrow at #Esimov's lunch… #Almaty"),
    ]))
    caseFile.put(Entry(kind: .quote, id: "esimov-q1", fields: [
        Field("Speaker", "esimov"), Field("Lang", "en"), Field("Text", "The lunch was \"private\"; bloggers were detained."),
    ]))
    caseFile.put(Note(NoteKey(on: "extremkz-2014-02-04", at: "2014-02-06T10:00:00Z", by: "researcher",
                              text: "Tweeted a day before the meeting")))
    return caseFile
}()

let queryFuzzIndex = SearchIndex(caseFile: queryFuzzCase)

func describeForFuzz(_ results: SearchResults) -> [String] {
    ["total \(results.total)"] + results.hits.map { hit in
        "\(hit.kind.word) \(hit.id) \(hit.score) \(hit.original ?? "-") \(hit.translations) "
            + "\(hit.snippet.field): \(hit.snippet.text) \(hit.snippet.highlightedWords)"
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func queryFuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let query: SearchQuery
    do {
        query = try SearchQuery.parse(text)
    } catch {
        if error.column < 1 || error.column > text.count + 1 {
            fatalError("error column \(error.column) outside a query of \(text.count) characters: \(error)")
        }
        _ = ErrorRenderer.render(error.located(inQuery: text), file: nil, source: text)
        return 0
    }
    for limit in [nil, 2] as [Int?] {
        for exact in [false, true] {
            let indexed = queryFuzzIndex.search(query, in: queryFuzzCase, limit: limit, exact: exact)
            let scanned = SearchScan.search(query, in: queryFuzzCase, limit: limit, exact: exact)
            if describeForFuzz(indexed) != describeForFuzz(scanned) {
                fatalError("index and scan differ for \(text.debugDescription) (limit \(String(describing: limit)), exact \(exact)):\n\(describeForFuzz(indexed))\n\(describeForFuzz(scanned))")
            }
            _ = indexed.lines(width: 60) { "[" + $0 + "]" }
        }
    }
    return 0
}
