// A tiny REPL on the LineEditor layer, driven by the pseudo-terminal tests and handy
// for trying the editor by hand. It echoes each line as `got: <line>`.
//
// Environment: LINEEDITOR_DEMO_HISTORY (history file; in memory only when unset),
// LINEEDITOR_DEMO_MODE (emacs or vi), LINEEDITOR_DEMO_COLOR=1 (a coloured prompt),
// LINEEDITOR_DEMO_HOOK_FILE (the termination hook writes the signal number there),
// LINEEDITOR_DEMO_GRACE (seconds the termination watchdog waits).
// Lines: `busy` runs until Ctrl-C (at most 10 s); `stuck` runs 10 s and never polls;
// a trailing `\` asks for a continuation line.
import Foundation
import LineEditor

let environment = ProcessInfo.processInfo.environment
var options = EditLineReader.Options()
options.readsEditrc = false
options.programName = "lineeditor-demo"
if environment["LINEEDITOR_DEMO_MODE"] == "vi" { options.mode = .vi }
let history = History(path: environment["LINEEDITOR_DEMO_HISTORY"], capacity: 100)
let completer = DemoCompleter()
let reader = LineReaders.standard(options: options, history: history, completer: completer)

Signals.installInterruptHandler()
if let grace = environment["LINEEDITOR_DEMO_GRACE"].flatMap(Double.init) {
    Signals.terminationGracePeriod = grace
}
Signals.onTermination {
    print("terminated")
    if let path = environment["LINEEDITOR_DEMO_HOOK_FILE"] {
        try? "\(Signals.terminationSignal ?? 0)\n".write(toFile: path, atomically: true, encoding: .utf8)
    }
}

let main = environment["LINEEDITOR_DEMO_COLOR"] == "1" ? "\u{1b}[1;34mdemo\u{1b}[0m> " : "demo> "
let prompt = Prompt(main, continuation: "...> ")
var continuing = false

/// Runs until Ctrl-C or 10 s, polling the interrupt flag as a long command would.
func busy() {
    Signals.interruptRequested = false
    print("busy: started")
    fflush(nil)
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
        if Signals.interruptRequested {
            Signals.interruptRequested = false
            print("busy: stopped")
            return
        }
        usleep(10_000)
    }
    print("busy: done")
}

loop: while true {
    switch reader.readLine(prompt: continuing ? prompt.continued : prompt) {
    case .line(let line):
        print("got: \(line)")
        continuing = line.hasSuffix("\\")
        if line == "busy" { busy() }
        if line == "stuck" {
            print("stuck: started")
            fflush(nil)
            for _ in 0..<1000 { usleep(10_000) }
            Signals.exitIfTerminationRequested()
            print("stuck: done")
        }
    case .interrupted:
        print("interrupted")
        continuing = false
    case .endOfInput:
        break loop
    }
    fflush(nil)
}
print("bye")
