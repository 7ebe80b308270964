// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "casefile",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "casefile", targets: ["casefile"]),
        .library(name: "CasefileCore", targets: ["CasefileCore"]),
        // For the benchmarks in Benchmarks/ (their own package): the shell, its line editor, test support.
        .library(name: "CasefileShell", targets: ["CasefileShell"]),
        .library(name: "LineEditor", targets: ["LineEditor"]),
        .library(name: "CasefileTestSupport", targets: ["CasefileTestSupport"]),
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
                "CMappedGuard",
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // A SIGBUS guard for the case file's read-only mapping (values are decoded from it
        // when read; another program truncating the file must not kill the shell). In C: a
        // signal handler cannot be written safely in Swift.
        .target(name: "CMappedGuard"),
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
        // A tiny REPL on LineEditor that the pseudo-terminal tests drive (a test fixture, like
        // fault-helper: it stays here so `swift build --build-tests` builds it beside the tests).
        .executableTarget(name: "lineeditor-demo", dependencies: ["LineEditor"]),
        // Helpers shared by the test targets (transcripts, temporary folders, running the binary).
        .target(name: "CasefileTestSupport", dependencies: ["CasefileCore"]),
        .testTarget(name: "CasefileCoreTests", dependencies: ["CasefileCore", "CasefileTestSupport"],
                    exclude: ["Fixtures"]),  // test data read by path (labelled posts, ICU-made romanisations)
        .testTarget(name: "CasefileShellTests", dependencies: ["CasefileShell", "CasefileCore", "LineEditor", "CasefileTestSupport"]),
        .testTarget(name: "casefileTests", dependencies: ["CasefileCore", "CasefileTestSupport"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "CasefileTestSupport"]),
        // The process the fault tests kill, starve of disk and lock out (fork server, file-size limit).
        .executableTarget(name: "fault-helper", dependencies: ["CasefileCore", "CasefileTestSupport"]),
        // Kill -9 during saves, full disk, read-only folder, one writer: bounded in time.
        .testTarget(name: "FaultTests", dependencies: ["CasefileCore", "CasefileTestSupport"]),
    ]
)
