// swift-tools-version: 6.0
// casefile's benchmarks, apart from the product (as swift-collections keeps its own):
// `swift run -c release --package-path Benchmarks NAME`. Each prints its figures beside an
// anchor (recsel, rg, cp, sqlite3, sha256sum…) measured in the same run.
import PackageDescription

let package = Package(
    name: "casefile-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "casefile", path: ".."),
    ],
    targets: [
        // Timing, medians, anchors run as child processes, peak memory: shared by every benchmark.
        .target(name: "BenchSupport"),
        // n and 4n small changes to large entries: time, memory and journal grow linearly.
        .executableTarget(name: "growth-bench", dependencies: [.product(name: "CasefileCore", package: "casefile"), "BenchSupport"]),
        // 100k tweets of twarc2 raw JSON lines (about 200 MB, generated) into a case, with the save; twarc-csv as the anchor.
        .executableTarget(name: "import-bench", dependencies: [.product(name: "CasefileCore", package: "casefile"), "BenchSupport"]),
        // Exports of a generated 1M-entry case (ftm, csv, json) and of a 10k selection (html, dot).
        .executableTarget(name: "export-bench", dependencies: [.product(name: "CasefileCore", package: "casefile"), "BenchSupport"]),
        // Attaching and verifying 1 GB of evidence, beside sha256sum on the same files.
        .executableTarget(name: "evidence-bench", dependencies: [.product(name: "CasefileCore", package: "casefile"), "BenchSupport"]),
        // Verifying the session chain of a 1M-entry case with 1,000 sessions; diff --by-session of two 1M saves.
        .executableTarget(name: "review-bench", dependencies: [.product(name: "CasefileCore", package: "casefile"), "BenchSupport"]),
    ]
)
