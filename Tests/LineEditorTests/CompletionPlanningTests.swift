import Testing
@testable import LineEditor

struct CompletionPlanningTests {
    @Test func commonPrefixIsComputedByCharacters() {
        #expect(Completion.commonPrefix(of: ["Есимов", "Есенов"]) == "Ес")
        #expect(Completion.commonPrefix(of: ["aitelenov", "aitbaev", "ait"]) == "ait")
        #expect(Completion.commonPrefix(of: ["show", "search"]) == "s")
        #expect(Completion.commonPrefix(of: ["help"]) == "help")
        #expect(Completion.commonPrefix(of: []) == "")
        // `е` + combining acute is one Character: it is never split from its mark.
        #expect(Completion.commonPrefix(of: ["зе\u{301}м", "зе"]) == "з")
        #expect(Completion.commonPrefix(of: ["Қазақ", "Қазан"]) == "Қаза")
    }

    @Test func oneCandidateReplacesTheWordWithASpace() {
        let plan = Completion(start: 5, candidates: ["aitelenov"]).plan(typed: "Айт")
        #expect(plan == .init(replacement: "aitelenov ", listsCandidates: false))
        let folder = Completion(start: 5, candidates: [.init("Examples/", appendsSpace: false)]).plan(typed: "Ex")
        #expect(folder == .init(replacement: "Examples/", listsCandidates: false))
    }

    @Test func severalCandidatesListAndExtendToTheirCommonPrefix() {
        let completion = Completion(start: 5, candidates: ["Есимов", "Есенов"])
        #expect(completion.plan(typed: "Е") == .init(replacement: "Ес", listsCandidates: true))
        #expect(completion.plan(typed: "Ес") == .init(replacement: nil, listsCandidates: true))
        // Case is fixed up to the candidates' own spelling.
        #expect(completion.plan(typed: "ес") == .init(replacement: "Ес", listsCandidates: true))
    }

    @Test func candidatesNotSharingTheTypedPrefixOnlyList() {
        let completion = Completion(start: 0, candidates: ["aitelenov", "aitbaev"])
        #expect(completion.plan(typed: "Айт") == .init(replacement: nil, listsCandidates: true))
    }

    @Test func noCandidatesDoNothing() {
        #expect(Completion.none.plan(typed: "x") == .init(replacement: nil, listsCandidates: false))
    }
}
