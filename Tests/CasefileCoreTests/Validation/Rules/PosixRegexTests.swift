@testable import CasefileCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// casefile's own ERE matcher: the same answers as glibc's `regexec` (which recutils
/// uses) on ASCII, in linear time on patterns that make `regexec` backtrack, and a bound
/// on the work of any one value and any one check.
@Suite("Regular expressions: glibc's answers, linear time, bounded work")
struct PosixRegexTests {
    static let patterns = [
        "abc", "^abc$", "a|b", "(ab)+c", "a{2,3}", "a{2}", "a{2,}", "^a{2,3}$", "[a-c]+", "[^a-c]", "^[^a-c]*$",
        "[[:digit:]]+", "^[[:alpha:]_]+$", "x*", "^$", "(a|)b", "a.c", "\\.", "[]a]", "[a-]", "^(foo|bar)?baz$",
        "colou?r", "\\bfoo\\b", "\\<foo", "bar\\>", "a{0}b", "(a*)*b", "(a+)+$", "[[:space:]]", "[.]", "a{", "a{x}",
        "^[[:upper:]][[:lower:]]+$", "[[:punct:]]", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "(^|x)y", "y($|x)", "((a|b)c)+",
        "^.*$", "^.+$", "\\w+", "\\W", "^\\S+$", "\\s", "[\\]", "^(a|ab)(c|bcd)(d*)$", "a?a?a?aaa", "()", "(|)", "[[:xdigit:]]{2}",
        "{", "a|{", "x{1", "*a", "(*a)", "a**", "a+?", "^*", ")", "a)", "(a))",
    ]
    static let texts = [
        "", "a", "abc", "xabcx", "aab", "aaab", "ab c", "foo bar", "foobaz", "baz", "bazz", "barbaz", "color", "colour",
        "a.c", "abc.", "]", "-", "123", "x_y", "a{", "a{x}", "Almaty", "ALMATY", "2014-02-04", "2014-2-04", "xy", "yx",
        "acbc", "abcd", "aaa", "\\", "ff", "foo-bar", "line one\nline two", " \t", "abbcd",
    ]

    @Test("every pattern gives glibc's answer on every text")
    func sameAsGlibc() throws {
        var mismatches: [String] = []
        for pattern in Self.patterns {
            var compiled = regex_t()
            let glibcCompiles = regcomp(&compiled, pattern, REG_EXTENDED | REG_NOSUB) == 0
            defer { if glibcCompiles { regfree(&compiled) } }
            let ours = PosixRegex(pattern)
            #expect((ours != nil) == glibcCompiles, "/\(pattern)/: glibc \(glibcCompiles ? "compiles" : "refuses") it")
            guard let ours, glibcCompiles else { continue }
            for text in Self.texts {
                let expected = regexec(&compiled, text, 0, nil, 0) == 0
                let found = ours.match(text, budget: RegexBudget())
                if found != (expected ? .matched : .notMatched) { mismatches.append("/\(pattern)/ on \(text.debugDescription): glibc \(expected)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test("patterns that make a backtracking matcher run for ever answer at once on a long line",
          arguments: ["(a+)+$", "(a|aa)+$", "(a*)*b", "^(a+)+b", "(x+x+)+y", "(.*a){12}$"])
    func catastrophic(_ pattern: String) throws {
        let regex = try #require(PosixRegex(pattern))
        let letter = pattern.contains("x") ? "x" : "a"
        let line = String(repeating: letter, count: 50_000) + "!"
        let budget = RegexBudget()
        #expect(regex.match(line, budget: budget) == .notMatched)
        #expect(regex.match(String(repeating: letter, count: 50) + (pattern.contains("y") ? "y" : pattern.contains("b") ? "b" : ""), budget: budget) == .matched)
    }

    @Test("a value that costs more than its budget gives up; a spent check gives up at once")
    func budget() throws {
        let regex = try #require(PosixRegex("(a?){200}a{200}$"))
        let small = RegexBudget(total: 10_000_000, perValue: 2_000_000)
        #expect(regex.match(String(repeating: "a", count: 300), budget: small) == .matched)
        #expect(regex.match(String(repeating: "a", count: 20_000), budget: small) == .gaveUp)
        let spent = RegexBudget(total: 1_000, perValue: 100_000)
        #expect(try #require(PosixRegex("b")).match(String(repeating: "a", count: 5_000), budget: spent) == .gaveUp)
        #expect(try #require(PosixRegex("b")).match(String(repeating: "a", count: 5_000), budget: spent) == .gaveUp)
    }

    @Test("back-references, giant repeats and deep nesting are refused with the reason", arguments: [
        ("(a)\\1", "back-references (\\1) are not supported"),
        ("((a{255}){255}){255}", "the pattern is too large"),
        (String(repeating: "(", count: 1_000) + "a" + String(repeating: ")", count: 1_000), "groups nested more than 200 deep"),
        ("a{256}", "a repeat count above 255"),
        ("[b-a]", "a range whose end comes before its start"),
        ("(a", "unmatched ("),
        ("[[:nope:]]", "unknown character class [:nope:]"),
    ])
    func refused(_ pattern: String, _ reason: String) {
        guard case .failure(let failure) = PosixRegex.compile(pattern) else {
            Issue.record("/\(pattern)/ compiled")
            return
        }
        #expect(failure.message.hasPrefix(reason), "\(failure.message)")
    }

    @Test("Cyrillic and Kazakh letters are characters: . and [[:alpha:]] take one each")
    func unicode() throws {
        #expect(try #require(PosixRegex("^.{6}$")).match("Алматы", budget: RegexBudget()) == .matched)
        #expect(try #require(PosixRegex("^[[:alpha:]]+$")).match("Қазақстан", budget: RegexBudget()) == .matched)
        #expect(try #require(PosixRegex("^[а-я]+$")).match("алматы", budget: RegexBudget()) == .matched)
        #expect(try #require(PosixRegex("^[а-я]+$")).match("Алматы", budget: RegexBudget()) == .notMatched)
    }
}

/// The bound reported where it is hit: a value the budget cannot decide is a located
/// error naming the rule, not a pass and not a hang.
@Suite("Regular expressions: a value the budget cannot decide")
struct RegexBudgetDiagnosticTests {
    @Test("%type and %constraint regexps that give up are located errors saying so")
    func gaveUp() throws {
        let value = String(repeating: "a", count: 3_000) + "b"
        let text = "%rec: Event\n%type: Line regexp /(a?){100}a{100}$/\n%constraint: Line ~ '(a?){100}a{100}$'\n\nLine: \(value)\n\nLine: aaa\n"
        let result = try RegexBudget.$testLimits.withValue((total: 100_000_000, perValue: 200_000)) {
            try CaseReader.read(text: text, file: "g.rec", validate: true)
        }
        let messages = result.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("5:1: Event record could not be checked against %constraint[0]") && $0.contains("gave up after 200,000 steps") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("5:7: 'Line' value could not be checked against %type declared at g.rec:2: matching /(a?){100}a{100}$/ gave up") }, "\(messages)")
        #expect(messages.filter { $0.hasPrefix("7:") }.count == 2, "the short value is decided: it does not match \(messages)")
    }
}
