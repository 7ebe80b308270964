/// `search QUERY…`: finds entries across scripts and spellings, ranked.
struct SearchShellCommand: ShellCommand {
    static let name = "search"
    static let aliases = ["find", "/"]
    static let group = CommandGroup.viewing
    static let usage = "search QUERY… [--limit N] [--exact]"
    static let summary = "Search across scripts and spellings: words, \"phrases\", OR, -exclude, prefix*, filters."
    static let help = """
        All words must match; esimov finds Есимов, Есимова, Есимову and Yesimov,
        Kazakhstan finds Қазақстан; words of six letters or more forgive one typo.
          "exact phrase"        words next to each other
          a OR b   ( … )        either; grouping
          -word  -kind:quote    exclude
          Есим*                 prefix
          #Алматы  @extremkz    hashtag, mention (or handle)
          ="Путин"  --exact     that spelling only
          kind:post lang:ru author:@extremkz tag:detained by:"Global Voices"
          date:2014-02-01..2014-02-10  has:translation  missing:translation
        Hits are ranked (names and handles above text), one line each, matched words
        marked; a hit in a translation names its original and the other way round.
        """
    static let example = "search esimov kind:post lang:ru"
    static let arguments = [ArgumentSpec("QUERY", .query, repeating: true)]
    static let flags = [
        FlagSpec(["--limit", "-n"], value: .number, help: "Show at most N hits (the count still covers all of them); 0 shows every hit.",
                 default: String(SearchResults.defaultLimit), minimum: 0),
        FlagSpec(["--exact"], help: "Turn folding off: words match as typed, case aside (no transliteration, inflection or typos)."),
    ]

    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError) {
        // The query language has its own quoting: give it the words as they were typed.
        let text = call.positionals.map(\.raw).joined(separator: " ")
        var limit: Int? = SearchResults.defaultLimit
        if let word = call.flags["--limit"], let spec = flags.named("--limit") {
            let number = try spec.number(word)
            limit = number == 0 ? nil : number
        }
        let query: SearchQuery
        do {
            query = try SearchQuery.parse(text)
        } catch {
            throw error.located(in: call.positionals)
        }
        let results = notebook.searchIndex.search(query, in: notebook.caseFile, limit: limit, exact: call.has("--exact"))
        let colour = notebook.output.usesColour
        for line in results.lines(width: notebook.output.width, highlight: { colour ? Terminal.highlighted($0) : $0 }) {
            notebook.output.line(line)
        }
        notebook.say(results.total == 0 ? "no hits" : results.summary)
    }
}
