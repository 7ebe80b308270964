import BenchSupport
import CasefileCore
import Foundation

/// Part 2: single commands on a big case, after warming the lazy indexes.
enum SingleCommandBenchmark {
    static func run(entries: Int, settings: Settings, folder: String) {
        print("== single commands on a generated case of \(entries) entries (target < 1 ms each)")
        let (notebook, building) = timed { () -> Notebook in
            let notebook = Notebook(caseFile: SyntheticCase.make(entries: entries), path: folder + "/big.rec",
                                    output: NullOutput(), settings: settings)
            notebook.showsConfirmations = false
            return notebook
        }
        print("   building the case in memory: \(s(building)) (\(notebook.caseFile.entries.count) entries, "
              + "\(notebook.caseFile.links.count) links, \(notebook.caseFile.notes.count) notes)")
        func firstUse(_ label: String, _ body: () -> Void) -> String {
            let cpu = cpuSeconds()
            let (_, wall) = timed(body)
            return "\(label) \(s(wall)) (CPU \(s(cpuSeconds() - cpu)))"
        }
        let people = notebook.caseFile.orderedIds(of: .person)
        let posts = notebook.caseFile.orderedIds(of: .post)
        print("   first use of each lazy index: " + [
            firstUse("references") { _ = notebook.referencesTo(people[1]) },
            firstUse("handles") { _ = notebook.people(withHandle: "@user2") },
            firstUse("Ids") { _ = notebook.ids(withPrefix: "post12") },
        ].joined(separator: ", "))

        // People's handles are @userN (person1's is @extremkz); the lower half is never renamed.
        func handle(_ n: Int) -> String { "@user\(2 + n % max(1, people.count / 2 - 2))" }
        var samples: [String: [Double]] = [:]
        var cpuSamples: [String: [Double]] = [:]
        func measure(_ label: String, _ line: String) {
            let cpu = threadCPUSeconds()
            let (errors, seconds) = timed { notebook.runInteractive(line) }
            cpuSamples[label, default: []].append(threadCPUSeconds() - cpu)
            if let error = errors.first { print("   ERROR in \(line): \(error)") }
            samples[label, default: []].append(seconds)
        }
        for round in 0..<51 {
            measure("add post", "add post \(handle(round * 7)) 2014-02-0\(1 + round % 9) \"Бенчмарк \(round) #KAZ\"")
            measure("add person", "add person \"Айгерім Бенчмаркова\" handle=@bench\(round)")
            measure("link", "link \(people[round % (people.count / 2)]) mentions \(posts[(round * 11) % posts.count])")
            measure("set", "set \(posts[(round * 13) % posts.count]) platform=twitter url=https://x.org/\(round)")
            measure("annotate", "annotate \(people[(round + 100) % (people.count / 2)]) \"checked \(round)\"")
            measure("undo", "undo")
            measure("rename", "rename \(people[people.count - 1 - round % (people.count / 2)]) renamed\(round)")
            measure("show", "show \(people[(round + 200) % (people.count / 2)])")
        }
        for (label, values) in samples.sorted(by: { $0.key < $1.key }) {
            let sorted = values.sorted()
            print("   \(label.padding(toLength: 10, withPad: " ", startingAt: 0)) median \(ms(sorted[sorted.count / 2])), "
                  + "p90 \(ms(sorted[sorted.count * 9 / 10])), max \(ms(sorted[sorted.count - 1])) over \(sorted.count) runs; "
                  + "max thread CPU \(ms(cpuSamples[label]?.max() ?? 0))")
        }
        // Many adds in a row: a periodic step (a merge every few thousand adds) shows here.
        var worst = (wall: 0.0, cpu: 0.0, index: 0)
        var total = 0.0
        for index in 0..<5000 {
            let cpu = threadCPUSeconds()
            let (_, seconds) = timed { notebook.runInteractive("add post \(handle(index)) 2014-02-10 \"Ещё \(index)\" lang=ru") }
            let used = threadCPUSeconds() - cpu
            total += seconds
            if used > worst.cpu { worst = (seconds, used, index) }
        }
        print("   add post ×5000 in a row: mean \(ms(total / 5000)), worst thread CPU \(ms(worst.cpu)) (wall \(ms(worst.wall)), "
              + "the \(worst.index + 1)th)")
        let (_, saving) = timed {
            do { try notebook.save(message: "bench") } catch { print("   ERROR saving: \(error)") }
        }
        print("   save of the whole case: \(s(saving))")
    }
}
