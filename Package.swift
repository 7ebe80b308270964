// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "casefile",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "casefile", targets: ["casefile"]),
        .executable(name: "casefile-bench", targets: ["casefile-bench"]),
        .executable(name: "replay-bench", targets: ["replay-bench"]),
        .library(name: "CasefileCore", targets: ["CasefileCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        // SHA-256 for evidence, imported files and the session chain.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        // Zip archives: X archives in, review bundles out.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // The domain: model, file format, command language, search, storage. Never touches the terminal.
        .target(
            name: "CasefileCore",
            dependencies: [
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // libedit, through a shim with fixed-argument wrappers for its variadic calls.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // A small line-editor layer behind a protocol; the engine never sees libedit.
        .target(name: "LineEditor", dependencies: ["CEditLine"]),
        // The interactive shell: prompt, completion from the command registry, paging, config, editor.
        .target(name: "CasefileShell", dependencies: ["CasefileCore", "LineEditor"]),
        // The thin executable: argument parsing and wiring.
        .executableTarget(
            name: "casefile",
            dependencies: [
                "CasefileCore", "LineEditor", "CasefileShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "casefile-bench", dependencies: ["CasefileCore"]),
        // The command engine's benchmark: replay of a generated 100k-command script, and
        // single commands on a generated 1M-entry case.
        .executableTarget(name: "replay-bench", dependencies: ["CasefileCore"]),
        // Start-up time and completion speed of the shell.
        .executableTarget(name: "shell-bench", dependencies: ["CasefileCore", "CasefileShell", "LineEditor", "CasefileTestSupport"]),
        // A tiny REPL on LineEditor that the pseudo-terminal tests drive.
        .executableTarget(name: "lineeditor-demo", dependencies: ["LineEditor"]),
        // `casefile diff` on two large files that differ in a few entries, beside `diff -u`.
        .executableTarget(name: "diff-bench", dependencies: ["CasefileCore"]),
        // Search benchmarks: index build, warm queries, scans (release builds only).
        .executableTarget(name: "search-bench", dependencies: ["CasefileCore"]),
        // Helpers shared by the test targets (transcripts, temporary folders, running the binary).
        .target(name: "CasefileTestSupport", dependencies: ["CasefileCore"]),
        .testTarget(name: "CasefileCoreTests", dependencies: ["CasefileCore", "CasefileTestSupport"],
                    exclude: ["Fixtures"]),  // test data read by path (labelled posts, ICU-made romanisations)
        .testTarget(name: "CasefileShellTests", dependencies: ["CasefileShell", "CasefileCore", "LineEditor", "CasefileTestSupport"]),
        .testTarget(name: "casefileTests", dependencies: ["CasefileCore", "CasefileTestSupport"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "CasefileTestSupport"]),
        // The process the fault tests kill, starve of disk and lock out (fork server, file-size limit).
        .executableTarget(name: "fault-helper", dependencies: ["CasefileCore", "CasefileTestSupport"]),
        // How each step grows with a 100k-line here-document or a 10 MB field (nothing quadratic).
        .executableTarget(name: "hostile-bench", dependencies: ["CasefileCore", "CasefileShell", "LineEditor"]),
        // Kill -9 during saves, full disk, read-only folder, one writer: bounded in time.
        .testTarget(name: "FaultTests", dependencies: ["CasefileCore", "CasefileTestSupport"]),
    ]
)
