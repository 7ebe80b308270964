// libFuzzer target for the saved search index (`.NAME.rec.index`), compiled together with
// CasefileCore's sources by scripts/fuzz.sh.
//
// The input is an index payload (what follows the header, the checksum having been made
// to match: the structure checks are what is fuzzed). Properties, each a crash when broken:
// - reading any payload for the small case below never traps: it is refused with a
//   reason, or gives an index;
// - an index it gives answers queries, and follows a change, without trapping;
// - the same bytes behind a header are refused or read the same way by SearchIndexFile.

/// The case the payloads are read for: Fuzz/IndexFuzzCase.rec beside this file (which
/// the seed, Fuzz/Seeds/index/fuzz-case-payload, was saved from; the tests read it too).
let indexFuzzCase: CaseFile = {
    let path = String(#filePath.dropLast("IndexFuzz.swift".count)) + "IndexFuzzCase.rec"
    guard let loaded = try? CaseReader.load(path: path) else { fatalError("cannot load \(path)") }
    return loaded.caseFile
}()

/// The queries asked of an index that reads, parsed for each input: parsed once into a
/// global, their enum boxes (pointers kept with tag bits) read as leaks to LeakSanitizer.
let indexFuzzQueryTexts = ["esimov", "Есим* OR aitelenov", "\"на ланче\"", "lang:ru #Алматы", "has:translation", "@extremkz"]

@_cdecl("LLVMFuzzerTestOneInput")
public func indexFuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let payload = UnsafeRawBufferPointer(start: data, count: size)
    guard case let .success(index) = SearchIndex.restoring(payload, caseFile: indexFuzzCase) else { return 0 }
    let queries = indexFuzzQueryTexts.compactMap { try? SearchQuery.parse($0) }
    for query in queries {
        _ = index.search(query, in: indexFuzzCase, limit: 3).lines(width: 60) { $0 }
    }
    let post = Entry(kind: .post, id: "fuzz-post", fields: [Field("Author", "esimov"), Field("Text", "Есимов на ланче")])
    index.update(old: nil, new: post)
    index.update(old: indexFuzzCase["extremkz-2014-02-04"], new: nil)
    if let first = queries.first { _ = index.search(first, in: indexFuzzCase) }
    return 0
}
