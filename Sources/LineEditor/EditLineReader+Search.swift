internal import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-R: searching the history as you type, for any script. libedit's own
/// `em-inc-search-prev` reads keys through a byte-sized key map, so a Cyrillic or Kazakh
/// letter ends it and lands in the line; this one lives in the line-editor layer.
///
/// While it runs, every key goes through `searchKey()` (the reader supplies libedit's
/// keys): a letter refines the pattern, Ctrl-R finds an older match, Backspace shortens
/// the pattern, Ctrl-G gives the line back as it was, Ctrl-C does that and cancels the
/// line, and any other key (Enter, an arrow, Ctrl-A, Tab) keeps the match and then does
/// what it always does. Each such key reaches libedit as ^R, bound to `searchStep()`,
/// which shows the match and the pattern in the prompt.
struct IncrementalSearch {
    /// What the last key asked for.
    enum Step: Equatable {
        case start, refine, older, shorten, abort, accept
    }

    /// The pattern typed so far.
    var pattern = ""
    /// The history, newest first.
    let entries: [String]
    /// The entry shown, if any matched.
    var match: Int?
    /// Whether the pattern matches nothing (from where the search stands).
    var failed = false
    /// The line and cursor (in scalars) when the search began, for Ctrl-G.
    let original: (line: String, cursor: Int)
    /// The prompt before the search.
    let prompt: String?
    /// The step `searchStep()` carries out next.
    var step = Step.start

    /// The newest entry at `from` or older containing the pattern (ignoring case), and
    /// where the match starts in it, in scalars.
    func find(from start: Int) -> (index: Int, offset: Int)? {
        let needle = pattern.lowercased()
        guard start < entries.count else { return nil }
        for index in start..<entries.count {
            let entry = entries[index]
            let lowered = entry.lowercased()
            guard let range = lowered.range(of: needle) else { continue }
            // Lower-casing keeps the letters of these scripts one for one: offsets carry over.
            let offset = lowered.unicodeScalars.distance(from: lowered.startIndex, to: range.lowerBound)
            return (index, min(offset, entry.unicodeScalars.count))
        }
        return nil
    }

    /// The prompt shown while searching.
    var promptText: String {
        (failed ? "(failed reverse-i-search)`" : "(reverse-i-search)`") + pattern + "': "
    }
}

extension EditLineReader {
    /// The key libedit gets while a search runs: ^R for a key the search takes, or nil at end of input.
    func searchKey() -> wchar_t? {
        guard let scalar = nextTypedScalar() else { return nil }
        let value = UInt32(bitPattern: scalar)
        switch value {
        case 0x12: search?.step = .older
        case 0x7F, 0x08: search?.step = .shorten
        case 0x07: search?.step = .abort
        case 0x03:
            search?.step = .abort
            unreadScalar(value)
        case 0x20..<0x7F, 0xA0...:
            search?.pattern.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            search?.step = .refine
        default:
            search?.step = .accept
            unreadScalar(value)
        }
        return 0x12
    }

    /// ^R: starts a search, or carries out the step the last key asked for.
    func searchStep() -> UInt8 {
        guard var state = search else {
            guard let info = el_wline(editLine)?.pointee, let buffer = info.buffer, let cursor = info.cursor,
                  let last = info.lastchar else { return UInt8(CC_ERROR) }
            let line = String(wideCharacters: buffer, count: last - buffer)
            let entries = Array((history?.entries ?? []).reversed())
            let started = IncrementalSearch(entries: entries, original: (line, cursor - buffer), prompt: promptSource)
            search = started
            setPrompt(started.promptText)
            return UInt8(CC_REFRESH)
        }
        switch state.step {
        case .start:
            break
        case .refine:
            jump(&state, from: state.match ?? 0)
        case .older:
            if !state.pattern.isEmpty { jump(&state, from: (state.match ?? -1) + 1) }
        case .shorten:
            if !state.pattern.isEmpty { state.pattern.unicodeScalars.removeLast() }
            state.failed = false
            if state.pattern.isEmpty {
                state.match = nil
                show(state.original.line, cursor: state.original.cursor)
            } else {
                jump(&state, from: 0)
            }
        case .abort:
            show(state.original.line, cursor: state.original.cursor)
            endSearch(state)
            return UInt8(CC_REFRESH)
        case .accept:
            endSearch(state)
            return UInt8(CC_REFRESH)
        }
        state.step = .start
        search = state
        setPrompt(state.promptText)
        return UInt8(CC_REFRESH)
    }

    /// Shows the newest match at `from` or older; the search fails (and the line stays) when there is none.
    private func jump(_ state: inout IncrementalSearch, from start: Int) {
        guard let found = state.find(from: start) else {
            state.failed = true
            return
        }
        state.match = found.index
        state.failed = false
        show(state.entries[found.index], cursor: found.offset)
    }

    private func endSearch(_ state: IncrementalSearch) {
        search = nil
        setPrompt(state.prompt ?? "")
    }

    /// Replaces the edited line with `text`, the cursor `cursor` scalars in.
    private func show(_ text: String, cursor: Int) {
        guard let info = el_wline(editLine)?.pointee, let buffer = info.buffer, let current = info.cursor,
              let last = info.lastchar else { return }
        _ = el_cursor(editLine, Int32(last - current))
        el_deletestr(editLine, Int32(last - buffer))
        if !text.isEmpty { _ = el_winsertstr(editLine, text.wideCString) }
        let length = text.unicodeScalars.count
        if cursor < length { _ = el_cursor(editLine, Int32(cursor - length)) }
    }

    private func unreadScalar(_ value: UInt32) {
        guard let scalar = Unicode.Scalar(value) else { return }
        unreadBytes(Array(String(Character(scalar)).utf8))
    }
}
