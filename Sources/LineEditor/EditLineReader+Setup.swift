internal import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EditLineReader {
    /// Connects the callbacks, history and key bindings to the fresh `EditLine`.
    func configure() {
        let el = editLine
        _ = cf_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        _ = cf_el_set_editor(el, options.mode.rawValue)
        _ = cf_el_set_prompt_esc(
            el, { el in EditLineReader.from(el)?.currentPrompt ?? EditLineReader.emptyPrompt }, CChar(Prompt.invisibleMarker))
        _ = cf_el_set_getcfn(el, { el, character in
            guard let reader = EditLineReader.from(el), let character else { return -1 }
            guard let scalar = reader.search == nil ? reader.nextTypedScalar() : reader.searchKey() else { return 0 }
            character.pointee = scalar
            return 1
        })
        if let history { _ = cf_el_set_hist(el, history.handle) }
        // Ctrl-C, Ctrl-Z and Ctrl-\ become keys while editing; the line is edited in raw mode.
        _ = cf_el_setty(el, "-d", "-isig")

        _ = cf_el_addfn(el, "casefile-complete", "complete the word before the cursor", { el, _ in
            EditLineReader.from(el)?.completeWord() ?? UInt8(CC_ERROR)
        })
        _ = cf_el_addfn(el, "casefile-cancel", "discard the line (Ctrl-C)", { el, _ in
            EditLineReader.from(el)?.cancelLine() ?? UInt8(CC_ERROR)
        })
        _ = cf_el_addfn(el, "casefile-search", "search the history as you type (Ctrl-R)", { el, _ in
            EditLineReader.from(el)?.searchStep() ?? UInt8(CC_ERROR)
        })
        _ = cf_el_addfn(el, "casefile-suspend", "suspend the shell (Ctrl-Z)", { el, _ in
            EditLineReader.from(el)?.suspend() ?? UInt8(CC_ERROR)
        })
        bindKeys()
        if options.readsEditrc { _ = el_source(el, nil) }
    }

    /// casefile's key bindings on top of libedit's emacs or vi maps.
    private func bindKeys() {
        var bindings: [(key: String, function: String)] = [
            ("^I", "casefile-complete"),
            ("^C", "casefile-cancel"),
            ("^Z", "casefile-suspend"),
            // Up/Down search by the text before the cursor; on an empty line they just walk.
            ("\u{1b}[A", "ed-search-prev-history"), ("\u{1b}OA", "ed-search-prev-history"),
            ("\u{1b}[B", "ed-search-next-history"), ("\u{1b}OB", "ed-search-next-history"),
            ("\u{1b}[C", "ed-next-char"), ("\u{1b}OC", "ed-next-char"),
            ("\u{1b}[D", "ed-prev-char"), ("\u{1b}OD", "ed-prev-char"),
            ("\u{1b}[H", "ed-move-to-beg"), ("\u{1b}OH", "ed-move-to-beg"), ("\u{1b}[1~", "ed-move-to-beg"),
            ("\u{1b}[F", "ed-move-to-end"), ("\u{1b}OF", "ed-move-to-end"), ("\u{1b}[4~", "ed-move-to-end"),
            ("\u{1b}[3~", "ed-delete-next-char"),
        ]
        if options.mode == .emacs {
            bindings += [
                ("^R", "casefile-search"),
                ("^W", "ed-delete-prev-word"),
                ("\u{1b}p", "ed-search-prev-history"), ("\u{1b}n", "ed-search-next-history"),
                ("\u{1b}[1;5C", "em-next-word"), ("\u{1b}[1;5D", "ed-prev-word"),
            ]
        } else {
            bindings += [("^R", "casefile-search")]
        }
        for binding in bindings {
            _ = cf_el_bind(editLine, binding.key, binding.function)
        }
        if options.mode == .vi {
            // vi command mode keeps its own map: give it the same Ctrl-C, TAB and arrows.
            for binding in bindings where binding.key.hasPrefix("\u{1b}[") || binding.key.hasPrefix("^") {
                _ = cf_el_bind_alternate(editLine, binding.key, binding.function)
            }
            // A lone ESC arrives as ^] (see `isLoneEscape`): command mode from insert mode,
            // a beep in command mode, as ESC does in vi.
            _ = cf_el_bind(editLine, "^]", "vi-command-mode")
            _ = cf_el_bind_alternate(editLine, "^]", "ed-unassigned")
        }
    }

    /// Ctrl-C: show `^C` at the end of the line, mark it cancelled and finish it, so libedit
    /// moves to a fresh line; `readLine` then returns `.interrupted`.
    func cancelLine() -> UInt8 {
        cancelled = true
        if let line = el_wline(editLine)?.pointee, let cursor = line.cursor, let last = line.lastchar {
            _ = el_cursor(editLine, Int32(last - cursor))
        }
        _ = el_winsertstr(editLine, "^C".wideCString)
        el_wpush(editLine, "\n".wideCString)
        return UInt8(CC_REFRESH)
    }

    /// Ctrl-Z: give the terminal back, stop like a job, and redraw the line when continued.
    func suspend() -> UInt8 {
        _ = cf_el_set_prep_term(editLine, 0)
        kill(0, SIGTSTP)
        _ = cf_el_set_prep_term(editLine, 1)
        return UInt8(CC_REDISPLAY)
    }
}
